package org.portpass.registry;

import org.osgi.annotation.versioning.ProviderType;
import org.portpass.core.Caller;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;

/** Vehicles (車輛), identified by their normalised plate number. */
@ProviderType
public interface VehicleService {
  Vehicle create(Caller caller, VehicleData vehicle);

  Vehicle get(Caller caller, long id);

  Vehicle getByPlate(Caller caller, String plateNumber);

  Page<Vehicle> search(Caller caller, VehicleQuery query, PageRequest page);

  Vehicle update(Caller caller, long id, VehicleData vehicle);

  void delete(Caller caller, long id, long version);

  /** Moves the vehicle to another owner company (customer service); its attachments move too. */
  Vehicle transfer(Caller caller, long id, long toCompanyId, long version);
}
