// Every screen of the application. A screen module is loaded the first time its route opens.
import { addRoutes } from './router.js';
import { staffRoutes } from './screens/staff/routes.js';

const COMPANY = ['COMPANY_ADMIN', 'COMPANY_USER'];

addRoutes([
  { path: '/login', public: true, tag: 'pp-login', title: 'login.title', load: () => import('./screens/login.js') },
  { path: '/register', public: true, tag: 'pp-register', title: 'register.title', load: () => import('./screens/register.js') },
  { path: '/mtnet', public: true, tag: 'pp-mtnet', title: 'mtnet.title', load: () => import('./screens/mtnet.js') },

  { path: '/forms', roles: COMPANY, nav: 'nav.forms', navOrder: 10, tag: 'pp-forms', title: 'forms.title', load: () => import('./screens/company/forms.js') },
  { path: '/forms/new', roles: COMPANY, tag: 'pp-form-wizard', title: 'wizard.title', load: () => import('./screens/company/form-wizard.js') },
  { path: '/forms/:id/edit', roles: COMPANY, tag: 'pp-form-wizard', title: 'wizard.title', load: () => import('./screens/company/form-wizard.js') },
  { path: '/forms/:id', roles: COMPANY, tag: 'pp-form-detail', title: 'form.title', load: () => import('./screens/company/form-detail.js') },
  { path: '/passes', roles: COMPANY, nav: 'nav.passes', navOrder: 20, tag: 'pp-passes', title: 'passes.title', load: () => import('./screens/company/passes.js') },
  { path: '/persons', roles: COMPANY, nav: 'nav.persons', navOrder: 30, tag: 'pp-persons', title: 'persons.title', load: () => import('./screens/company/persons.js') },
  { path: '/persons/new', roles: COMPANY, tag: 'pp-person-edit', title: 'person.new', load: () => import('./screens/company/person-edit.js') },
  { path: '/persons/:id/edit', roles: COMPANY, tag: 'pp-person-edit', title: 'person.edit', load: () => import('./screens/company/person-edit.js') },
  { path: '/persons/:id', roles: COMPANY, tag: 'pp-person-detail', title: 'person.title', load: () => import('./screens/company/person-detail.js') },
  { path: '/vehicles', roles: COMPANY, nav: 'nav.vehicles', navOrder: 40, tag: 'pp-vehicles', title: 'vehicles.title', load: () => import('./screens/company/vehicles.js') },
  { path: '/vehicles/new', roles: COMPANY, tag: 'pp-vehicle-edit', title: 'vehicle.new', load: () => import('./screens/company/vehicle-edit.js') },
  { path: '/vehicles/:id/edit', roles: COMPANY, tag: 'pp-vehicle-edit', title: 'vehicle.edit', load: () => import('./screens/company/vehicle-edit.js') },
  { path: '/vehicles/:id', roles: COMPANY, tag: 'pp-vehicle-detail', title: 'vehicle.title', load: () => import('./screens/company/vehicle-detail.js') },
  { path: '/company', roles: COMPANY, nav: 'nav.company', navOrder: 50, tag: 'pp-company', title: 'company.title', load: () => import('./screens/company/company.js') },
  ...staffRoutes,
]);
