import { type RouteConfig, index, layout, route } from "@react-router/dev/routes";

export default [
  index("routes/index.tsx"),
  route("login", "routes/login.tsx"),
  route("logout", "routes/logout.tsx"),
  route("lang", "routes/lang.tsx"),
  route("healthz", "routes/healthz.ts"),
  layout("routes/workspace.tsx", [
    route("national", "routes/national.tsx"),
    route("province/:slug", "routes/province.tsx"),
    route("unit/:code", "routes/unit.tsx"),
    route("steering", "routes/steering.tsx"),
    route("requests", "routes/requests.tsx"),
    route("cases", "routes/cases.tsx"),
    route("cases/new", "routes/cases-new.tsx"),
    route("cases/import", "routes/cases-import.tsx"),
    route("cases/:id", "routes/case.tsx"),
    route("unit/:code/workload", "routes/workload.tsx"),
    route("stats/report", "routes/stats-report.tsx"),
    route("stats/targets", "routes/stats-targets.tsx"),
  ]),
  route("cases/import/template", "routes/cases-import-template.ts"),
  route("api/v1/cases", "routes/api.v1.cases.ts"),
  route("api/v1/cases/:id", "routes/api.v1.case.ts"),
  route("api/v1/stats", "routes/api.v1.stats.ts"),
  route("stats/export", "routes/stats-export.ts"),
  route("*", "routes/not-found.tsx"),
] satisfies RouteConfig;
