/**
 * Request schemas, defined once: the routes validate with them and the OpenAPI
 * document is generated from them. Objects are strict: an unknown field is a 400,
 * like a wrong type.
 */
import { z } from "@hono/zod-openapi";
import { FORMATS, ROLES } from "@concord/storage";

/** Text without NUL characters, which PostgreSQL cannot store in text columns (it would fail the request with a 500). */
const str = () => z.string().refine((s) => !s.includes("\u0000"), "NUL characters are not allowed");
const id = str().min(1).max(100);
/** An id in a path or query. */
export const Id = id;
const name = str().min(1).max(200);
const message = str().max(2000);
const format = z.enum(FORMATS);

export const WorkspaceParams = z.strictObject({ ws: id.openapi({ description: "workspace id" }) });
export const ScenarioParams = z.strictObject({ ws: id, sc: id.openapi({ description: "scenario id" }) });
export const RevisionParams = z.strictObject({ ws: id, sc: id, n: z.coerce.number().int().min(1).openapi({ description: "revision number, from 1" }) });
export const MemberParams = z.strictObject({ ws: id, userId: id });
export const TokenParams = z.strictObject({ id });

export const NameBody = z.strictObject({ name }).openapi("NameBody");

export const NewScenarioBody = z
  .strictObject({
    name,
    text: str().openapi({ description: "the scenario as YAML, JSON or gmcr-py (.gmcr) text" }),
    format: format.optional().openapi({ description: "default: JSON if the text parses as JSON (gmcr if it has gmcr-py's shape), else YAML" }),
    message: message.optional(),
  })
  .openapi("NewScenario");

export const SaveBody = z
  .strictObject({
    text: str(),
    format: format.optional().openapi({ description: "default: the latest revision's format" }),
    message: message.optional(),
  })
  .openapi("SaveScenario");

export const RestoreBody = z.strictObject({ message: message.optional() }).openapi("Restore");

export const HistoryQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  before: z.coerce.number().int().min(1).optional(),
});

export const CompareQuery = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1).optional().openapi({ description: "default: the latest revision" }),
  context: z.coerce.number().int().min(0).max(100).optional(),
});

export const ExportQuery = z.strictObject({
  format: format.optional().openapi({ description: "default: the revision's own format, unchanged" }),
  revision: z.coerce.number().int().min(1).optional().openapi({ description: "default: the latest" }),
});

const concepts = z.union([str().max(100), z.array(str().max(20)).max(4)]).optional();
export const AnalyzeOptions = z.strictObject({ concepts, horizon: z.number().int().min(1).max(1000).optional(), nonMyopic: z.boolean().optional() });
export const StatusQuoOptions = z.strictObject({ by: z.enum(["improvements", "moves"]).optional(), from: z.number().int().min(1).optional(), concepts });
export const BriefOptions = z.strictObject({ asOf: str().max(10).optional(), since: str().max(10).optional(), format: z.enum(["html", "md"]).optional() });
export const ReportOptions = z.strictObject({ asOf: str().max(10).optional(), format: z.enum(["html", "md"]).optional() });
const count = (max: number) => z.number().int().min(1).max(max).optional();
export const RobustnessOptions = z.strictObject({ variants: count(1_000_000), seed: z.number().int().min(0).max(0xffffffff).optional(), limit: count(10_000) });
export const SensitivityOptions = z.strictObject({ pairs: z.boolean().optional() });
export const StabilizeOptions = z.strictObject({
  target: str().min(1).max(500).openapi({ description: "a pattern (`sign_direct & -am_corridor`) or a named target's id" }),
  concepts,
  focus: z.number().int().min(1).optional(),
  maxSize: z.union([z.literal(1), z.literal(2)]).optional(),
  thirdParty: z.boolean().optional(),
  limit: count(10_000),
});

const revision = z.number().int().min(1).optional().openapi({ description: "default: the latest" });
export const RunAnalysisBody = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("analyze"), revision, options: AnalyzeOptions.optional() }),
    z.strictObject({ kind: z.literal("status-quo"), revision, options: StatusQuoOptions.optional() }),
    z.strictObject({ kind: z.literal("brief"), revision, options: BriefOptions.optional() }),
    z.strictObject({ kind: z.literal("report"), revision, options: ReportOptions.optional() }),
    z.strictObject({ kind: z.literal("robustness"), revision, options: RobustnessOptions.optional() }),
    z.strictObject({ kind: z.literal("sensitivity"), revision, options: SensitivityOptions.optional() }),
    z.strictObject({ kind: z.literal("stabilize"), revision, options: StabilizeOptions }),
  ])
  .openapi("RunAnalysis");
export type RunAnalysis = z.infer<typeof RunAnalysisBody>;

export const ANALYSIS_KINDS = ["analyze", "status-quo", "brief", "report", "robustness", "sensitivity", "stabilize"] as const;
export const AnalysisParams = z.strictObject({ ws: id, sc: id, kind: z.enum(ANALYSIS_KINDS) });

export const LoginBody = z.strictObject({ email: str().max(254), password: str().max(1024) }).openapi("Login");
export const MemberBody = z.strictObject({ email: str().max(254), role: z.enum(ROLES) }).openapi("Member");
export const TokenBody = z.strictObject({ name, expiresAt: z.iso.datetime().optional() }).openapi("NewApiToken");
export const AuditQuery = HistoryQuery;
const newPassword = str().min(8).max(1024).openapi({ description: "at least 8 characters" });
export const PasswordChangeBody = z
  .strictObject({ currentPassword: str().max(1024).openapi({ description: "the password you log in with now" }), newPassword })
  .openapi("PasswordChange");
export const PasswordResetBody = z
  .strictObject({ newPassword: newPassword.optional().openapi({ description: "default: a random password, in the answer only" }) })
  .openapi("PasswordReset");
export const UserParams = z.strictObject({ id: id.openapi({ description: "user id" }) });
export const InvitationBody = z
  .strictObject({ email: str().max(254), role: z.enum(ROLES), expiresInHours: z.number().int().min(1).max(24 * 90).optional().openapi({ description: "default 168 (7 days)" }) })
  .openapi("NewInvitation");
export const InvitationParams = z.strictObject({ ws: id, id });
export const AcceptBody = z
  .strictObject({
    token: str().min(1).max(200).openapi({ description: "the invitation's secret" }),
    displayName: name.optional().openapi({ description: "a new person: the name others see (with password)" }),
    password: str().max(1024).optional().openapi({ description: "a new person: the password they will log in with" }),
  })
  .openapi("AcceptInvitation");
export const AdminAuditQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).optional(),
  before: z.coerce.number().int().min(1).optional(),
  workspace: id.optional().openapi({ description: "only this workspace's entries; `none` for those outside any workspace (logins, users, tokens)" }),
});

/** The RFC 9457 problem document every 4xx and 5xx answer carries. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
  })
  .passthrough()
  .openapi("Problem");
