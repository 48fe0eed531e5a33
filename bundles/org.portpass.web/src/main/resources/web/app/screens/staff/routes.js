// The port staff, card desk and customer service screens (engineer "web-staff").
// Add {path, roles, nav, navOrder, tag, title, load} entries here; see ../../routes.js and README.md.
export const staffRoutes = [];
