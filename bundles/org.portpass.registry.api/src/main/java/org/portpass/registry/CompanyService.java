package org.portpass.registry;

import org.osgi.annotation.versioning.ProviderType;
import org.portpass.core.Caller;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;

/**
 * Companies (業者). Only customer service (or an administrator) creates and verifies companies and
 * changes their name or tax ID; a company administrator changes phone, address, industry and
 * contacts of their own company.
 */
@ProviderType
public interface CompanyService {
  Company create(Caller caller, NewCompany company);

  Company get(Caller caller, long id);

  Company getByTaxId(Caller caller, String taxId);

  /**
   * Companies the caller may see, filtered by part of the name or tax ID when {@code text} is set.
   */
  default Page<Company> list(Caller caller, String text, PageRequest page) {
    return list(caller, text, null, page);
  }

  /**
   * As {@link #list(Caller, String, PageRequest)}, and only the company of this tax ID when set.
   */
  Page<Company> list(Caller caller, String text, String taxId, PageRequest page);

  Company update(Caller caller, long id, CompanyChanges changes);

  /** Customer service confirms the company's data; its accounts may then submit forms. */
  Company verify(Caller caller, long id);

  Company suspend(Caller caller, long id, String reason);
}
