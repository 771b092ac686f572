export { unitBySlugOrCode } from "@thads/core/workspace";
