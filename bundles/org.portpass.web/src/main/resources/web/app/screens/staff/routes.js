// The port staff, card desk and customer service screens (engineer "web-staff").
// Add {path, roles, nav, navOrder, tag, title, load} entries here; see ../../routes.js and README.md.
const REVIEW = ['REVIEWER', 'POLICE', 'SUPERVISOR'];
const DESK = ['CARD_DESK'];
const AUTHORITY = ['POLICE', 'SUPERVISOR'];
const SERVICE = ['CUSTOMER_SERVICE', 'ADMIN'];

export const staffRoutes = [
  { path: '/reviews', roles: REVIEW, nav: 'nav.reviews', navOrder: 60, tag: 'pp-reviews', title: 'reviews.title', load: () => import('./reviews.js') },
  { path: '/reviews/:port/:stage', roles: REVIEW, tag: 'pp-review-queue', title: 'queue.pageTitle', load: () => import('./review-queue.js') },
  { path: '/reviews/:port/:stage/lines/:lineId', roles: REVIEW, tag: 'pp-review-line', title: 'line.pageTitle', load: () => import('./review-line.js') },
  { path: '/violations/new', roles: AUTHORITY, nav: 'nav.violations', navOrder: 65, tag: 'pp-violation-new', title: 'violation.title', load: () => import('./violation-new.js') },
  { path: '/desk', roles: DESK, nav: 'nav.desk', navOrder: 70, tag: 'pp-desk-jobs', title: 'desk.title', load: () => import('./desk-jobs.js') },
  { path: '/desk/jobs/:id', roles: DESK, tag: 'pp-desk-job', title: 'job.pageTitle', load: () => import('./desk-job.js') },
  { path: '/admin/companies', roles: SERVICE, nav: 'nav.companies', navOrder: 80, tag: 'pp-admin-companies', title: 'companies.title', load: () => import('../admin/companies.js') },
  { path: '/admin/companies/new', roles: SERVICE, tag: 'pp-admin-company-new', title: 'companies.new', load: () => import('../admin/company-new.js') },
  { path: '/admin/accounts', roles: SERVICE, nav: 'nav.accounts', navOrder: 90, tag: 'pp-admin-accounts', title: 'accounts.title', load: () => import('../admin/accounts.js') },
  { path: '/admin/accounts/new', roles: SERVICE, tag: 'pp-admin-account-edit', title: 'accounts.new', load: () => import('../admin/account-edit.js') },
  { path: '/admin/accounts/:id', roles: SERVICE, tag: 'pp-admin-account-edit', title: 'accounts.edit', load: () => import('../admin/account-edit.js') },
  { path: '/admin/audit', roles: SERVICE, nav: 'nav.audit', navOrder: 100, tag: 'pp-admin-audit', title: 'audit.title', load: () => import('../admin/audit.js') },
];
