package org.portpass.auth.internal.service;

import java.util.Set;
import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.portpass.auth.AccountService;
import org.portpass.auth.NewAccount;
import org.portpass.core.Caller;
import org.portpass.core.Role;
import org.portpass.storage.SchemaReady;
import org.portpass.storage.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the first administrator from {@code etc/org.portpass.auth.bootstrap.cfg} when no
 * administrator exists yet, so a fresh production server can be reached without any built-in
 * password. Delete the file once the administrator has logged in and changed the password.
 */
@Component(
    configurationPid = "org.portpass.auth.bootstrap",
    configurationPolicy = ConfigurationPolicy.REQUIRE)
@Designate(ocd = FirstAdministrator.Config.class)
public class FirstAdministrator {
  private static final Logger LOG = LoggerFactory.getLogger(FirstAdministrator.class);

  @ObjectClassDefinition(name = "PortPass first administrator")
  public @interface Config {
    @AttributeDefinition(description = "User name of the first administrator")
    String username();

    @AttributeDefinition(
        description = "Initial password (at least 10 characters); change it after the first login")
    String password();
  }

  @Activate
  public FirstAdministrator(
      @Reference(target = "(osgi.unit.name=portpass-auth)") JpaTemplate jpa,
      @Reference(target = AuthSchema.READY) SchemaReady schema,
      @Reference AccountService accounts,
      Config config) {
    long administrators =
        new Transactions(jpa)
            .read(
                em ->
                    em.createQuery(
                            "SELECT COUNT(a) FROM AccountEntity a JOIN a.roles r WHERE r = :admin",
                            Long.class)
                        .setParameter("admin", Role.ADMIN)
                        .getSingleResult());
    if (administrators > 0) {
      LOG.info(
          "An administrator exists; etc/org.portpass.auth.bootstrap.cfg is ignored and can be deleted");
      return;
    }
    accounts.create(
        Caller.system("bootstrap"),
        new NewAccount(
            config.username(),
            config.password(),
            "Administrator",
            null,
            null,
            Set.of(Role.ADMIN),
            null,
            Set.of()));
    LOG.warn(
        "Created the first administrator {}: log in, change the password, delete the bootstrap file",
        config.username());
  }
}
