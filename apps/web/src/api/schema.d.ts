/**
 * Generated from the API's OpenAPI document by openapi-typescript — do not edit.
 * Regenerate with `npm run gen:api`; a test fails when this file is out of date.
 */

export type paths = {
    "/api/v1/admin/alert-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The grading and folding thresholds of each source */
        get: operations["AlertsAdminController_policies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/alert-policies/{source}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the thresholds of one source (or `default`) */
        put: operations["AlertsAdminController_putPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The API keys, live and revoked */
        get: operations["AlertsAdminController_listKeys"];
        put?: never;
        /** Issue an API key to a device source or an Open311 client (the key is shown only here) */
        post: operations["AlertsAdminController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: operations["AlertsAdminController_revoke"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The working-day calendar of a year */
        get: operations["CalendarController_get"];
        /** Replace the working-day calendar of a year */
        put: operations["CalendarController_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/deadline-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List deadline policies */
        get: operations["DeadlinePoliciesController_list"];
        put?: never;
        /** Create a deadline policy */
        post: operations["DeadlinePoliciesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/deadline-policies/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a deadline policy */
        delete: operations["DeadlinePoliciesController_remove"];
        options?: never;
        head?: never;
        /** Change a deadline policy */
        patch: operations["DeadlinePoliciesController_update"];
        trace?: never;
    };
    "/api/v1/admin/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a region */
        post: operations["RegionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/regions/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a region that nothing uses */
        delete: operations["RegionsController_remove"];
        options?: never;
        head?: never;
        /** Rename a region or change its boundary */
        patch: operations["RegionsController_update"];
        trace?: never;
    };
    "/api/v1/admin/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a unit */
        post: operations["UnitsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/units/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Deactivate a unit */
        delete: operations["UnitsController_remove"];
        options?: never;
        head?: never;
        /** Change a unit */
        patch: operations["UnitsController_update"];
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: operations["UsersController_list"];
        put?: never;
        /** Create a user */
        post: operations["UsersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Deactivate a user */
        delete: operations["UsersController_remove"];
        options?: never;
        head?: never;
        /** Change a user */
        patch: operations["UsersController_update"];
        trace?: never;
    };
    "/api/v1/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Machine alerts in the caller’s jurisdiction, newest first */
        get: operations["AlertsController_list"];
        put?: never;
        /**
         * A device reports a machine alert (X-Api-Key)
         * @description Folded into an open case of the same point, or graded and opened as a case; 200 with the same body for a replay
         */
        post: operations["AlertsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/scorecards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scorecards and ranking per county, town, unit or grid inspector for a month (考核排名); format=xlsx: the 通报 */
        get: operations["AssessmentController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assessment/trend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Scorecards of the twelve months up to a month, per county, town, unit or grid inspector (score, rank, figures by month), for trend charts */
        get: operations["AssessmentController_trend"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a photo, video or document (content type checked by its bytes) */
        post: operations["AttachmentsController_upload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an attachment */
        get: operations["AttachmentsController_download"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify a case’s SHA-256 event chain */
        get: operations["AuditController_verify"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Log in with username and password */
        post: operations["AuthController_login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a refresh token for new tokens (rotation) */
        post: operations["AuthController_refresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List cases in the caller’s scope, filtered and paged */
        get: operations["CasesController_list"];
        put?: never;
        /** Report a case (上报) */
        post: operations["CasesController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One case with its deadlines and attachments */
        get: operations["CasesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Take a workflow action on a case (optimistic locking via expectedVersion) */
        post: operations["CasesController_act"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/attachments.zip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download every attachment of a case as one zip */
        get: operations["CaseAttachmentsController_archive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open cases nearby that may be the same problem */
        get: operations["CasesController_duplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The case’s event log (hash-chained) */
        get: operations["CasesController_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/nearby": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open cases of the same kind near a point, nearest first (likely duplicates before reporting) */
        get: operations["CasesController_nearby"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credit-repairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The credit repair queue in the caller’s scope */
        get: operations["CreditRepairsController_list"];
        put?: never;
        /** Apply for credit repair (信用修复) with a commitment and evidence */
        post: operations["CreditRepairsController_apply"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credit-repairs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A credit repair application with its steps */
        get: operations["CreditRepairsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/credit-repairs/{id}/actions/{action}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Review, approve or refuse a credit repair application */
        post: operations["CreditRepairsController_act"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The enterprise registry (企业名录) with health codes and counts per colour */
        get: operations["EnterprisesController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises/{creditCode}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An enterprise with its health code and reasons, its cases, code history, credit repairs, enforcement and interviews */
        get: operations["EnterprisesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import the registry from xlsx (all rows or none) */
        post: operations["EnterprisesController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/enterprises/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The registry import template (xlsx) */
        get: operations["EnterprisesController_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and readiness: PostgreSQL, Redis, job queue lag */
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/interviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Interviews (约谈) in the caller’s scope */
        get: operations["InterviewsController_list"];
        put?: never;
        /** Record an interview (约谈) of a region or an enterprise */
        post: operations["InterviewsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledgers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List ledgers in the caller’s scope */
        get: operations["LedgersController_list"];
        put?: never;
        /** Create a ledger (台账) */
        post: operations["LedgersController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledgers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A ledger with its items, cases and progress */
        get: operations["LedgersController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledgers/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the ledger as xlsx */
        get: operations["LedgersController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledgers/{id}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import the ledger’s items from xlsx (all rows or none) */
        post: operations["LedgersController_import"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledgers/{id}/items/{itemId}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Attach the row’s rectification plan (整改方案) */
        put: operations["LedgersController_plan"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledgers/{id}/items/{itemId}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report progress on a ledger item (序时进展) */
        post: operations["LedgersController_progress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledgers/{id}/items/{itemId}/quarterly-reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** File a quarterly report on a 主要任务 (季度报告) */
        post: operations["LedgersController_quarterlyReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledgers/{id}/items/{itemId}/signoff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign-off step of an inspection row (验收 → 公示 → 复核销号) */
        post: operations["LedgersController_signoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledgers/{id}/report-back": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A county reports back its part of the ledger (交账) */
        post: operations["LedgersController_reportBack"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledgers/{id}/report-package": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 交账 report package as xlsx */
        get: operations["LedgersController_reportPackage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledgers/{id}/task-table": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 811 task table (专项行动 → 主要任务) with quarterly reports */
        get: operations["LedgersController_taskTable"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ledgers/template": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The empty xlsx import template */
        get: operations["LedgersController_template"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The logged-in user, roles, jurisdiction and permissions */
        get: operations["AuthController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The caller’s notifications, newest first */
        get: operations["NotificationsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark one notification read */
        post: operations["NotificationsController_read"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/read-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark all the caller’s notifications read */
        post: operations["NotificationsController_readAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a petition (信访登记): the case with its petition */
        post: operations["PetitionsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petitions/{caseId}/documents/{document}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A printable petition document (受理告知书, 不予受理告知书, 处理意见书) */
        get: operations["PetitionsController_document"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petitions/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Petition figures by county and month (on-time acceptance and reply, satisfaction, repeats) */
        get: operations["PetitionsController_stats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The region tree (province → grid) */
        get: operations["RegionsController_tree"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk-warnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Monthly risk warnings of every county and function zone in the caller’s jurisdiction (风险预警): issued and frozen, or a preview */
        get: operations["RiskWarningsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk-warnings/formula": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How the 管控力指数 and the warning level are computed */
        get: operations["RiskWarningsController_formula"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/risk-warnings/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue (and freeze) a finished month’s warnings for every county not issued yet; the monthly job runs the same code */
        post: operations["RiskWarningsController_issue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/deadlines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Overdue figures per deadline kind */
        get: operations["DeadlineStatsController_deadlines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/discovery": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** 问题发现综合评价: self- vs outside-found problems per county, town or grid, by source and month (from the rollup) */
        get: operations["StatsController_discovery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/fast-track": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The 1530 figure: machine-detected problems closed within 30 minutes, by county */
        get: operations["AlertsController_fastTrackFigures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Dashboard figures: counts by state, county, category and source; map points */
        get: operations["StatsController_overview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List units */
        get: operations["UnitsController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/discovery.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311: service discovery (endpoints, formats, how to get an api_key) */
        get: operations["Open311Controller_discovery[0]"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/discovery.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311: service discovery (endpoints, formats, how to get an api_key) */
        get: operations["Open311Controller_discovery[1]"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/requests.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311: public reports of a jurisdiction (status only) */
        get: operations["Open311Controller_list[0]"];
        put?: never;
        /** Open311: a member of the public (or a client with an api_key) reports a problem */
        post: operations["Open311Controller_create[0]"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/requests.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311: public reports of a jurisdiction (status only) */
        get: operations["Open311Controller_list[1]"];
        put?: never;
        /** Open311: a member of the public (or a client with an api_key) reports a problem */
        post: operations["Open311Controller_create[1]"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/requests/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311: the status of a public report (`{service_request_id}.json` or `.xml`) */
        get: operations["Open311Controller_find"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/services.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311: the service list (categories) */
        get: operations["Open311Controller_services[0]"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/services.xml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311: the service list (categories) */
        get: operations["Open311Controller_services[1]"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/services/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311: a service definition (`{service_code}.json` or `.xml`) */
        get: operations["Open311Controller_definition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/open311/v2/tokens/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open311: the service_request_id of a token (`{token}.json` or `.xml`) */
        get: operations["Open311Controller_token"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
};
export type webhooks = Record<string, never>;
export type components = {
    schemas: {
        /** @enum {string} */
        AdminLevel: "province" | "city" | "county";
        AlertDto: {
            caseCode: string | null;
            caseId: string | null;
            category: string;
            durationMinutes: number | null;
            enterpriseCreditCode: string | null;
            externalId: string;
            folded: boolean;
            grade: components["schemas"]["AlertGrade"];
            id: string;
            lat: number;
            limit: number | null;
            lng: number;
            observedAt: string;
            pointId: string | null;
            pollutant: string | null;
            receivedAt: string;
            regionCode: string;
            source: components["schemas"]["AlertSource"];
            unit: string | null;
            value: number | null;
        };
        /** @enum {string} */
        AlertGrade: "short" | "sustained" | "repeated";
        AlertListDto: {
            items: components["schemas"]["AlertDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        AlertOutcomeDto: {
            alertId: string;
            caseId: string | null;
            folded: boolean;
            grade: components["schemas"]["AlertGrade"];
        };
        AlertPolicyDto: {
            foldRadiusMeters: number;
            foldWindowHours: number;
            repeatCount: number;
            repeatWindowDays: number;
            /** @description a device source or `default` */
            source: string;
            sustainedMinutes: number;
        };
        /** @enum {string} */
        AlertPolicySource: "default" | "online_monitoring" | "mobile_survey" | "camera" | "drone" | "satellite";
        /** @enum {string} */
        AlertSource: "online_monitoring" | "mobile_survey" | "camera" | "drone" | "satellite";
        /**
         * @description case actions and, for petitions, petition actions
         * @enum {string}
         */
        AllowedAction: "accept" | "dispatch" | "reject" | "merge" | "resolve_on_spot" | "escalate" | "sign_for" | "return" | "reassign" | "report_progress" | "request_extension" | "decide_extension" | "submit_completion" | "approve" | "reject_completion" | "review_pass" | "review_fail" | "spot_check" | "supervise" | "remind" | "transfer_enforcement" | "instruct" | "take_charge" | "accept_petition" | "decline_petition" | "extend_reply" | "reply" | "follow_up" | "consult" | "request_review" | "decide_review" | "request_recheck" | "decide_recheck";
        ApiKeyDto: {
            createdAt: string;
            id: string;
            /** @description the first characters of the key */
            keyPrefix: string;
            lastUsedAt: string | null;
            name: string;
            regionCode: string;
            revokedAt: string | null;
            source: components["schemas"]["ApiKeySource"];
        };
        /** @enum {string} */
        ApiKeySource: "online_monitoring" | "mobile_survey" | "camera" | "drone" | "satellite" | "open311";
        AttachmentDto: {
            /** @description null until a case or event uses it */
            caseId: string | null;
            id: string;
            mime: string;
            originalName: string;
            sha256: string;
            size: number;
        };
        AttachmentRefDto: {
            eventSeq: number | null;
            id: string;
            mime: string;
            originalName: string;
            size: number;
        };
        BrokenLinkDto: {
            actual: string;
            expected: string;
            /** @enum {string} */
            reason: "seq_gap" | "prev_hash_mismatch" | "hash_mismatch";
            seq: number;
        };
        CalendarYearBodyDto: {
            /**
             * @description days off (YYYY-MM-DD), weekends included when they are holidays
             * @example [
             *       "2027-01-01"
             *     ]
             */
            holidays: string[];
            /**
             * @description Saturdays or Sundays that are working days (YYYY-MM-DD)
             * @example [
             *       "2027-02-06"
             *     ]
             */
            workdays: string[];
        };
        CalendarYearDto: {
            /**
             * @description days off (YYYY-MM-DD), weekends included when they are holidays
             * @example [
             *       "2027-01-01"
             *     ]
             */
            holidays: string[];
            /** @description false when the year has no data yet: holidays are then the statutory ones the planner falls back to, without 调休 */
            stored: boolean;
            /**
             * @description Saturdays or Sundays that are working days (YYYY-MM-DD)
             * @example [
             *       "2027-02-06"
             *     ]
             */
            workdays: string[];
            year: number;
        };
        CaseActionDto: {
            approve?: boolean;
            attachmentIds?: string[];
            /** @description transfer_enforcement: 立案号 */
            caseNumber?: string;
            comment?: string;
            coUnitIds?: string[];
            /** @description reported at or after this time (ISO 8601) */
            createdFrom?: string;
            /** @description reported before this time (ISO 8601) */
            createdTo?: string;
            dueAt?: string;
            expectedVersion: number;
            /** @description submit_completion: confirmed = a real violation (counts in the enterprise health code) */
            finding?: components["schemas"]["Finding"];
            /** @description transfer_enforcement: fine in yuan */
            fine?: number;
            leadUnitId?: string;
            measures?: string;
            newDueAt?: string;
            note?: string;
            /** @description transfer_enforcement: 行政处罚决定书文号 */
            penaltyDecisionNo?: string;
            /** @description transfer_enforcement: referred to the police (移送公安) */
            policeReferral?: boolean;
            reason?: string;
            /**
             * @description petition follow_up (回访) result
             * @enum {string}
             */
            satisfaction?: "satisfied" | "basically_satisfied" | "dissatisfied";
            targetCaseId?: string;
        };
        CaseDto: {
            address: string | null;
            /** @description case actions and, for petitions, petition actions */
            allowedActions: components["schemas"]["AllowedAction"][];
            attachments?: components["schemas"]["AttachmentRefDto"][];
            category: string;
            closedAt: string | null;
            code: string;
            coUnitIds: string[];
            createdAt: string;
            deadlineKind: components["schemas"]["DeadlineKind"] | null;
            deadlines?: components["schemas"]["DeadlineDto"][];
            description: string;
            dueAt: string | null;
            duplicateOfId: string | null;
            enterpriseCreditCode: string | null;
            /** @description the enterprise’s health code as last computed; green = 正面清单 (无事不扰) */
            enterpriseHealthCode: components["schemas"]["HealthCode"] | null;
            id: string;
            lat: number | null;
            leadUnitId: string | null;
            leadUnitName: string | null;
            ledgerId: string | null;
            lng: number | null;
            /** @description for overdue cases: the missed deadline (list and detail) */
            missedDeadline?: components["schemas"]["MissedDeadlineDto"] | null;
            overdue: boolean;
            ownerLevel: components["schemas"]["CaseLevel"];
            pendingExtension: components["schemas"]["PendingExtensionDto"] | null;
            /** @description the detail of a petition (DESIGN §9) */
            petition?: components["schemas"]["PetitionDto"] | null;
            regionCode: string;
            regionName: string;
            reopenCount: number;
            reporterId: string | null;
            reporterName?: string | null;
            reporterPhone?: string | null;
            reworkCount: number;
            severity: components["schemas"]["Severity"];
            signoffIndex: number;
            signoffSteps: components["schemas"]["CaseLevel"][];
            source: components["schemas"]["CaseSource"];
            state: components["schemas"]["CaseState"];
            supervisionLevel: components["schemas"]["AdminLevel"] | null;
            /** @description 包案: the leader who took the case personally */
            takenById: string | null;
            takenByName: string | null;
            title: string;
            updatedAt: string;
            version: number;
        };
        /** @enum {string} */
        CaseEventAction: "accept" | "dispatch" | "reject" | "merge" | "resolve_on_spot" | "escalate" | "sign_for" | "return" | "reassign" | "report_progress" | "request_extension" | "decide_extension" | "submit_completion" | "approve" | "reject_completion" | "review_pass" | "review_fail" | "spot_check" | "supervise" | "remind" | "transfer_enforcement" | "instruct" | "take_charge" | "report" | "overdue" | "auto_supervise" | "reminder_sent" | "alert_folded" | "duplicate_linked";
        CaseEventDto: {
            action: components["schemas"]["CaseEventAction"];
            /** @description null for the system actor */
            actorId: string | null;
            actorName: string;
            /** @description a role, or 'public' / 'system' */
            actorRole: string;
            at: string;
            attachmentIds: string[];
            comment: string | null;
            fromState: components["schemas"]["CaseState"] | null;
            hash: string;
            payload: {
                [key: string]: unknown;
            };
            seq: number;
            toState: components["schemas"]["CaseState"];
        };
        /** @enum {string} */
        CaseLevel: "province" | "city" | "county" | "town";
        CaseListDto: {
            items: components["schemas"]["CaseDto"][];
            page: number;
            pageSize: number;
            /** @description exact up to 1,000 matches, or ten pages past this one when further; beyond that a lower bound */
            total: number;
            /** @description false when `total` is a lower bound (shown as "1000+") */
            totalExact: boolean;
        };
        /** @enum {string} */
        CaseSource: "grid_patrol" | "petition_phone" | "petition_letter" | "petition_online" | "petition_visit" | "hotline" | "central_inspection" | "provincial_inspection" | "city_inspection" | "warning_film" | "monitoring_alert" | "mobile_monitoring" | "drone" | "infrared" | "satellite" | "enterprise_self_check" | "enforcement_check" | "media" | "public";
        /** @enum {string} */
        CaseState: "reported" | "pending_dispatch" | "assigned" | "rectifying" | "pending_verification" | "closed" | "rejected" | "merged";
        /** @enum {string} */
        Category: "water" | "air" | "soil" | "solid_waste" | "noise" | "ecology" | "marine" | "radiation" | "other" | "air.open_burning" | "air.odor" | "air.dust" | "air.cooking_fume" | "water.outfall" | "water.black_odorous" | "solid_waste.dumping" | "solid_waste.hazardous" | "noise.construction";
        CategoryCountDto: {
            category: string;
            count: number;
        };
        ChainCheckDto: {
            /** @description the first event whose link does not hold */
            brokenAt?: components["schemas"]["BrokenLinkDto"];
            caseId: string;
            /** @description events checked */
            events: number;
            ok: boolean;
        };
        CodeHistoryDto: {
            /** Format: date-time */
            at: string;
            code: components["schemas"]["HealthCode"];
            /** @description null for the first code */
            fromCode: components["schemas"]["HealthCode"] | null;
            reasons: components["schemas"]["HealthReasonDto"][];
        };
        ControlIndexFormulaDto: {
            /** @example 管控力指数 = 40×发现力（自主发现数/新增问题数）+ 40×处置力（按期办结率、一次性验收通过率、不反弹率的平均）+ 20×响应力（按期交办签收率）；风险分 = 100 − 管控力指数：<25 绿色，<50 黄色，<75 橙色，≥75 红色；当月有重大问题首先由外部发现的，预警等级提高一级；当月无新增问题的为“无数据”（灰色），不评为绿色。红色，或连续两个月橙色及以上的，启动市级督办并列入定点帮扶。 */
            formula: string;
        };
        CountyCountDto: {
            closed: number;
            open: number;
            overdue: number;
            regionCode: string;
            regionName: string;
            total: number;
        };
        CountyProgressDto: {
            cases: number;
            /** @description handed down, not yet being rectified (reported … assigned) */
            dispatched: number;
            items: number;
            itemsSignedOff: number;
            /** @description open and overdue (counted here instead of above) */
            overdue: number;
            /** @description rectifying or waiting for verification */
            rectifying: number;
            regionCode: string;
            regionName: string;
            reportedBackAt: string | null;
            /** @description closed (销号) */
            signedOff: number;
        };
        CreateAlertDto: {
            category: components["schemas"]["Category"];
            confidence?: number;
            durationMinutes?: number;
            enterpriseCreditCode?: string;
            externalId: string;
            imageAttachmentId?: string;
            lat: number;
            limit?: number;
            lng: number;
            observedAt: string;
            pointId?: string;
            pollutant?: string;
            /** @description the region of the point; defaults to the enterprise’s, then the key’s */
            regionCode?: string;
            source: components["schemas"]["AlertSource"];
            unit?: string;
            value?: number;
        };
        CreateApiKeyDto: {
            name: string;
            /** @description where alerts that name no region or enterprise belong; defaults to the admin’s region */
            regionCode?: string;
            source: components["schemas"]["ApiKeySource"];
        };
        CreateCaseDto: {
            address?: string;
            attachmentIds?: string[];
            /** @example air.open_burning */
            category: components["schemas"]["Category"];
            description: string;
            enterpriseCreditCode?: string;
            lat?: number;
            lng?: number;
            /** @description defaults to a grid inspector’s own grid */
            regionCode?: string;
            reporterName?: string;
            reporterPhone?: string;
            severity: components["schemas"]["Severity"];
            source: components["schemas"]["CaseSource"];
            /** @example 凤桥镇三星村河道边秸秆露天焚烧 */
            title: string;
        };
        CreateCreditRepairDto: {
            /** @description rectification evidence, at least one */
            attachmentIds: string[];
            /** @description 信用修复承诺书 */
            commitment: string;
            creditCode: string;
        };
        CreateDeadlinePolicyDto: {
            /** @example 15 */
            amount: number;
            /**
             * @description a category, or a top-level one ('air' matches every air.*)
             * @example air.open_burning
             */
            category?: string | null;
            kind: components["schemas"]["DeadlineKind"];
            /**
             * @description minutes before the due time that the reminder goes out
             * @default 0
             */
            reminderLeadMinutes: number;
            severity?: components["schemas"]["Severity"] | null;
            source?: components["schemas"]["CaseSource"] | null;
            unit: components["schemas"]["DeadlineUnit"];
        };
        CreateInterviewDto: {
            attendees: string[];
            /** @description 约谈要求 */
            demands: string;
            /** @description the enterprise interviewed */
            enterpriseCreditCode?: string;
            /** @description the follow-up case (整改案件), which the caller must be able to read */
            followUpCaseId?: string;
            heldAt: string;
            /** @description 约谈人 / 约谈机关 */
            interviewer: string;
            /** @description the region interviewed; defaults to the enterprise’s region */
            regionCode?: string;
        };
        CreateLedgerDto: {
            /**
             * @description when the ledger must be reported back (交账)
             * @example 2027-06-30
             */
            dueDate: string;
            /** @example 2026-10-15 */
            issuedDate: string;
            /** @example 中央第三生态环境保护督察组 */
            issuer: string;
            kind: components["schemas"]["LedgerKind"];
            /** @description the region it is handed to; defaults to the creator’s jurisdiction */
            regionCode?: string;
            /** @description the source every case of the ledger gets */
            source: components["schemas"]["CaseSource"];
            /** @example 第三轮中央生态环境保护督察交办问题整改台账 */
            title: string;
        };
        CreatePetitionDto: {
            address?: string;
            attachmentIds?: string[];
            /** @example water.black_odorous */
            category: string;
            /** @enum {string} */
            channel: "letter" | "visit" | "phone" | "online" | "hotline_12345" | "hotline_12369" | "inspection_transfer";
            /** @description 信访内容 */
            content: string;
            enterpriseCreditCode?: string;
            /** @enum {string} */
            grade: "general" | "key" | "group";
            lat?: number;
            lng?: number;
            petitioners: components["schemas"]["PetitionerInputDto"][];
            /** @description when the bureau received it (ISO 8601); not in the future */
            receivedAt: string;
            regionCode: string;
            /** @description 信访请求 */
            request: string;
        };
        CreateProgressDto: {
            note: string;
            /** @description progress reached (percent), compared with the row’s 序时节点 */
            percent?: number;
            /**
             * @description YYYY, YYYY-H1/H2, YYYY-Q1…Q4 or YYYY-MM
             * @example 2026-Q4
             */
            period: string;
        };
        CreateQuarterlyReportDto: {
            /** @description uploaded attachments (POST /attachments) */
            attachmentIds?: string[];
            /** @description 本季度工作进展 */
            note: string;
            /** @description progress of the task reached (percent) */
            percent?: number;
            /**
             * @description the quarter reported on: not after the current one, not before the ledger was issued
             * @example 2026-Q4
             */
            quarter: string;
        };
        CreateRegionDto: {
            /** @description GeoJSON geometry */
            boundary?: {
                [key: string]: unknown;
            };
            /** @example 330402103 */
            code: string;
            level: components["schemas"]["RegionLevel"];
            name: string;
            parentCode?: string;
        };
        CreateUnitDto: {
            kind: components["schemas"]["UnitKind"];
            name: string;
            regionCode: string;
        };
        CreateUserDto: {
            displayName: string;
            password: string;
            regionCode: string;
            roles: components["schemas"]["Role"][];
            unitId?: string | null;
            username: string;
        };
        /** @enum {string} */
        CreditRating: "A" | "B" | "C" | "D";
        /**
         * @description what the caller may do now
         * @enum {string}
         */
        CreditRepairAction: "review_pass" | "approve" | "refuse";
        CreditRepairActionDto: {
            /** @description required to refuse */
            comment?: string;
        };
        CreditRepairDto: {
            /** @description what the caller may do now */
            allowedActions: components["schemas"]["CreditRepairAction"][];
            attachmentIds: string[];
            /** @description 信用修复承诺书 */
            commitment: string;
            /** Format: date-time */
            createdAt: string;
            creditCode: string;
            /** Format: date-time */
            decidedAt: string | null;
            enterpriseName: string;
            id: string;
            /**
             * Format: date-time
             * @description end of the 7-day public notice
             */
            publicityEndsAt: string | null;
            /** Format: date-time */
            publicityStartsAt: string | null;
            regionCode: string;
            regionName: string;
            state: components["schemas"]["CreditRepairState"];
            steps: components["schemas"]["CreditRepairStepDto"][];
        };
        /** @enum {string} */
        CreditRepairState: "under_review" | "publicized" | "approved" | "refused";
        /** @enum {string} */
        CreditRepairStep: "apply" | "review_pass" | "approve" | "refuse";
        CreditRepairStepDto: {
            action: components["schemas"]["CreditRepairStep"];
            actorName: string;
            /** Format: date-time */
            at: string;
            comment: string | null;
        };
        DeadlineDto: {
            dueAt: string;
            id: string;
            kind: components["schemas"]["DeadlineKind"];
            level: components["schemas"]["AdminLevel"] | null;
            originalDueAt: string;
            /** @description when it was met (met / late) or stopped (cancelled) */
            settledAt?: string | null;
            status: components["schemas"]["DeadlineStatus"];
        };
        /** @enum {string} */
        DeadlineKind: "dispatch" | "sign_for" | "rectify" | "verify" | "review" | "supervision" | "petition_accept" | "petition_reply" | "petition_review" | "petition_recheck";
        DeadlineKindStatsDto: {
            /** @description deadlines whose due time was extended */
            extended: number;
            kind: components["schemas"]["DeadlineKind"];
            /** @description settled after their due time (whether or not the timer had fired) */
            late: number;
            /** @description settled by their due time */
            met: number;
            /** @description extended deadlines whose extended due time passed too */
            overdueAfterExtension: number;
            /** @description obligations not met by their original due time (original_due_at before settlement, or before now) */
            overdueAgainstOriginal: number;
            /** @description overdue and not yet settled */
            overdueOpen: number;
            /** @description still running */
            pending: number;
            /** @description deadlines set (superseded ones excluded) */
            total: number;
        };
        DeadlinePolicyDto: {
            amount: number;
            category: string | null;
            id: string;
            kind: components["schemas"]["DeadlineKind"];
            reminderLeadMinutes: number;
            severity: components["schemas"]["Severity"] | null;
            source: components["schemas"]["CaseSource"] | null;
            unit: components["schemas"]["DeadlineUnit"];
        };
        DeadlineStatsDto: {
            byKind: components["schemas"]["DeadlineKindStatsDto"][];
            regionCode: string;
            regionName: string;
        };
        /** @enum {string} */
        DeadlineStatus: "pending" | "met" | "late" | "overdue" | "cancelled";
        /** @enum {string} */
        DeadlineUnit: "minutes" | "hours" | "days" | "working_days";
        DiscoveryDto: {
            byMonth: components["schemas"]["DiscoveryMonthDto"][];
            bySource: components["schemas"]["DiscoverySourceDto"][];
            /** @description found by a higher level or the public (inspections, media, hotlines, petitions) */
            external: number;
            regionCode: string;
            regionName: string;
            /** @description found by the area itself */
            self: number;
            /** @description self / (self + external) in %, null when nothing was found */
            selfRate: number | null;
        };
        /** @enum {string} */
        DiscoveryLevel: "county" | "town" | "grid";
        DiscoveryMonthDto: {
            external: number;
            month: string;
            self: number;
        };
        DiscoverySourceDto: {
            count: number;
            source: components["schemas"]["CaseSource"];
        };
        DuplicateCaseDto: {
            address: string | null;
            /** @description case actions and, for petitions, petition actions */
            allowedActions: components["schemas"]["AllowedAction"][];
            attachments?: components["schemas"]["AttachmentRefDto"][];
            category: string;
            closedAt: string | null;
            code: string;
            coUnitIds: string[];
            createdAt: string;
            deadlineKind: components["schemas"]["DeadlineKind"] | null;
            deadlines?: components["schemas"]["DeadlineDto"][];
            description: string;
            /** @description metres from the case, null without coordinates */
            distanceM: number | null;
            dueAt: string | null;
            duplicateOfId: string | null;
            enterpriseCreditCode: string | null;
            /** @description the enterprise’s health code as last computed; green = 正面清单 (无事不扰) */
            enterpriseHealthCode: components["schemas"]["HealthCode"] | null;
            id: string;
            lat: number | null;
            leadUnitId: string | null;
            leadUnitName: string | null;
            ledgerId: string | null;
            lng: number | null;
            /** @description for overdue cases: the missed deadline (list and detail) */
            missedDeadline?: components["schemas"]["MissedDeadlineDto"] | null;
            overdue: boolean;
            ownerLevel: components["schemas"]["CaseLevel"];
            pendingExtension: components["schemas"]["PendingExtensionDto"] | null;
            /** @description the detail of a petition (DESIGN §9) */
            petition?: components["schemas"]["PetitionDto"] | null;
            regionCode: string;
            regionName: string;
            reopenCount: number;
            reporterId: string | null;
            reporterName?: string | null;
            reporterPhone?: string | null;
            reworkCount: number;
            severity: components["schemas"]["Severity"];
            signoffIndex: number;
            signoffSteps: components["schemas"]["CaseLevel"][];
            source: components["schemas"]["CaseSource"];
            state: components["schemas"]["CaseState"];
            supervisionLevel: components["schemas"]["AdminLevel"] | null;
            /** @description 包案: the leader who took the case personally */
            takenById: string | null;
            takenByName: string | null;
            title: string;
            updatedAt: string;
            version: number;
        };
        EnforcementDto: {
            actorName: string;
            /** Format: date-time */
            at: string;
            caseCode: string;
            caseId: string;
            /** @description 立案号 */
            caseNumber: string;
            eventSeq: number;
            /** @description yuan */
            fine: number | null;
            id: string;
            /** @description 行政处罚决定书文号 */
            penaltyDecisionNo: string | null;
            policeReferral: boolean;
        };
        EnterpriseDetailDto: {
            address: string | null;
            /** @description its cases the caller may read, newest first */
            cases: components["schemas"]["CaseDto"][];
            codeHistory: components["schemas"]["CodeHistoryDto"][];
            contactName: string | null;
            contactPhone: string | null;
            creditCode: string;
            creditRating: components["schemas"]["CreditRating"] | null;
            enforcement: components["schemas"]["EnforcementDto"][];
            /** Format: date-time */
            healthAt: string | null;
            healthCode: components["schemas"]["HealthCode"];
            healthReasons: components["schemas"]["HealthReasonDto"][];
            industry: string | null;
            interviews: components["schemas"]["InterviewDto"][];
            keyDischarger: boolean;
            lat: number | null;
            lng: number | null;
            name: string;
            permitNumber: string | null;
            regionCode: string;
            regionName: string;
            repairs: components["schemas"]["CreditRepairDto"][];
        };
        EnterpriseDto: {
            address: string | null;
            contactName: string | null;
            contactPhone: string | null;
            creditCode: string;
            creditRating: components["schemas"]["CreditRating"] | null;
            /** Format: date-time */
            healthAt: string | null;
            healthCode: components["schemas"]["HealthCode"];
            healthReasons: components["schemas"]["HealthReasonDto"][];
            industry: string | null;
            keyDischarger: boolean;
            lat: number | null;
            lng: number | null;
            name: string;
            permitNumber: string | null;
            regionCode: string;
            regionName: string;
        };
        EnterpriseImportResultDto: {
            created: number;
            imported: number;
            updated: number;
        };
        EnterpriseListDto: {
            /** @description per colour, under the same filters except healthCode */
            counts: components["schemas"]["HealthCountsDto"];
            items: components["schemas"]["EnterpriseDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        ErrorBody: {
            /**
             * @description stable machine-readable code; clients translate it
             * @example version_conflict
             */
            code: string;
            details?: components["schemas"]["ErrorDetailDto"][];
            /** @example Conflict */
            error: string;
            message: string;
            /** @example 409 */
            statusCode: number;
        };
        ErrorDetailDto: {
            column?: string;
            field?: string;
            message: string;
            row?: number;
            /** @description the spreadsheet sheet of a row error (imports) */
            sheet?: string;
        };
        ExplanationDto: {
            itemId: string;
            note: string;
        };
        FastTrackDto: {
            byCounty: components["schemas"]["FastTrackRowDto"][];
            closedWithin30Min: number;
            detected: number;
            month: string;
            /** @description closedWithin30Min / detected; null when nothing was detected */
            rate: number | null;
        };
        FastTrackRowDto: {
            closedWithin30Min: number;
            detected: number;
            rate: number | null;
            regionCode: string;
            regionName: string;
        };
        /**
         * @description submit_completion: confirmed = a real violation (counts in the enterprise health code)
         * @enum {string}
         */
        Finding: "confirmed" | "unfounded";
        HealthCheckDto: {
            error?: string;
            latencyMs?: number;
            /** @enum {string} */
            status: "ok" | "down";
        };
        /**
         * @description the enterprise’s health code as last computed; green = 正面清单 (无事不扰)
         * @enum {string}
         */
        HealthCode: "green" | "yellow" | "red";
        HealthCountsDto: {
            green: number;
            red: number;
            yellow: number;
        };
        HealthDto: {
            db: components["schemas"]["HealthCheckDto"];
            /** @description null where no jobs run */
            queue: components["schemas"]["QueueLagDto"] | null;
            redis: components["schemas"]["HealthCheckDto"];
            /** @enum {string} */
            status: "ok" | "down";
        };
        HealthReasonDto: {
            /** @description red/yellow set the colour; info is shown only */
            effect: components["schemas"]["HealthReasonEffect"];
            text: string;
        };
        /**
         * @description red/yellow set the colour; info is shown only
         * @enum {string}
         */
        HealthReasonEffect: "red" | "yellow" | "info";
        ImportResultDto: {
            cases: number;
            durationMs: number;
            items: number;
            ledgerId: string;
        };
        InterviewDto: {
            attendees: string[];
            /** Format: date-time */
            createdAt: string;
            createdByName: string;
            /** @description 约谈要求 */
            demands: string;
            enterpriseCreditCode: string | null;
            enterpriseName: string | null;
            followUpCaseCode: string | null;
            followUpCaseId: string | null;
            /** Format: date-time */
            heldAt: string;
            id: string;
            /** @description 约谈人 / 约谈机关 */
            interviewer: string;
            regionCode: string;
            regionName: string;
        };
        IssuedApiKeyDto: {
            id: string;
            /** @description shown only in this answer */
            key: string;
            name: string;
            source: components["schemas"]["ApiKeySource"];
        };
        IssueResultDto: {
            /** @description counties issued before (left frozen) */
            alreadyIssued: number;
            /** @description counties issued by this call */
            issued: number;
            month: string;
            /** @description the warnings issued by this call */
            warnings: components["schemas"]["RiskWarningDto"][];
        };
        IssueWarningsDto: {
            /**
             * @description a finished month, YYYY-MM
             * @example 2026-11
             */
            month: string;
        };
        ItemPlanDto: {
            attachmentId: string;
        };
        ItemPlanViewDto: {
            itemId: string;
            planAttachmentId: string;
        };
        ItemSignoffDto: {
            /** @description accept 验收 (with materials), publish 公示, review 上级复核 */
            action: components["schemas"]["LedgerSignoffAction"];
            /** @description 验收材料 (accept) */
            attachmentIds?: string[];
            comment: string;
            /** @description review: passed (销号) or not (back to 验收) */
            passed?: boolean;
        };
        ItemSignoffViewDto: {
            at: string;
            comment: string;
            itemId: string;
            /** @description the last day of the 公示 */
            noticeEndsOn: string | null;
            seq: number;
            stage: components["schemas"]["LedgerSignoffStage"] | null;
        };
        /**
         * @description of the cases the caller may see
         * @enum {string}
         */
        ItemStatus: "dispatched" | "rectifying" | "overdue" | "signed_off";
        /**
         * @description 序时滞后: yellow, then red after the grace; null on schedule
         * @enum {string}
         */
        LagLevel: "yellow" | "red";
        LedgerDetailDto: {
            /** @description what the caller may do: import, export, report_back */
            allowedActions: string[];
            counties: components["schemas"]["CountyProgressDto"][];
            createdAt: string;
            createdBy: string;
            createdByName: string;
            dueDate: string;
            id: string;
            issuedDate: string;
            issuer: string;
            items: components["schemas"]["LedgerItemDto"][];
            kind: components["schemas"]["LedgerKind"];
            progress: components["schemas"]["ProgressCountsDto"];
            regionCode: string;
            regionName: string;
            reportBacks: components["schemas"]["ReportBackViewDto"][];
            source: components["schemas"]["CaseSource"];
            title: string;
            updatedAt: string;
        };
        LedgerItemCaseDto: {
            closedAt: string | null;
            code: string;
            countyCode: string | null;
            countyName: string | null;
            dueAt: string | null;
            id: string;
            leadUnitId: string | null;
            leadUnitName: string | null;
            overdue: boolean;
            regionCode: string;
            regionName: string;
            state: components["schemas"]["CaseState"];
            /** @enum {string} */
            status: "dispatched" | "rectifying" | "overdue" | "signed_off" | "other";
        };
        LedgerItemDto: {
            cases: components["schemas"]["LedgerItemCaseDto"][];
            category: string;
            coUnits: components["schemas"]["UnitRefDto"][];
            counties: components["schemas"]["NamedRefDto"][];
            description: string;
            dueDate: string;
            id: string;
            kind: components["schemas"]["LedgerItemKind"];
            /** @description 序时滞后: yellow, then red after the grace; null on schedule */
            lagLevel: components["schemas"]["LagLevel"] | null;
            /** @description the missed 序时节点 */
            lagMilestone: string | null;
            leadUnits: components["schemas"]["UnitRefDto"][];
            /** @description 整改措施 */
            measures: string | null;
            /** @description planned progress (percent) due by each milestone, in the order of milestones */
            milestonePercents: number[];
            milestones: string[];
            /** @description the last day of the 公示 */
            noticeEndsOn: string | null;
            /** @description open past its deadline, or signed off after it */
            overdue: boolean;
            /** @description 811 tables: the 专项行动 of a 主要任务 row (see GET /ledgers/:id/task-table) */
            parentId: string | null;
            /** @description 整改方案 attachment */
            planAttachmentId: string | null;
            /** @description 具体问题 / 共性问题 */
            problemScope: components["schemas"]["ProblemScope"] | null;
            progress: components["schemas"]["LedgerProgressDto"][];
            /** @description 立行立改 / 限期整改 / 长期坚持 (dueDate is then the ledger’s 交账 date) */
            rectifyType: components["schemas"]["RectifyType"];
            /** @description 责任领导 */
            responsibleLeader: string | null;
            /** @description 责任人 */
            responsiblePerson: string | null;
            seq: number;
            /** @description every case of the item is closed (销号) */
            signedOff: boolean;
            signedOffAt: string | null;
            /** @description inspection rows: 验收 done, 公示 running, 销号 after the higher-level review */
            signoffStage: components["schemas"]["LedgerSignoffStage"] | null;
            /** @description false: one city-led case instead of one per county */
            splitByCounty: boolean;
            /** @description of the cases the caller may see */
            status: components["schemas"]["ItemStatus"];
            /** @description 整改目标 */
            target: string | null;
            title: string;
            towns: components["schemas"]["NamedRefDto"][];
        };
        /** @enum {string} */
        LedgerItemKind: "feedback_problem" | "petition" | "task";
        /** @enum {string} */
        LedgerKind: "inspection_feedback" | "petition_batch" | "task_plan";
        LedgerListDto: {
            items: components["schemas"]["LedgerListItemDto"][];
            page: number;
            pageSize: number;
            total: number;
        };
        LedgerListItemDto: {
            cases: number;
            createdAt: string;
            createdBy: string;
            createdByName: string;
            dueDate: string;
            id: string;
            issuedDate: string;
            issuer: string;
            /** @description over the cases the caller may see */
            items: number;
            kind: components["schemas"]["LedgerKind"];
            overdue: number;
            regionCode: string;
            regionName: string;
            signedOff: number;
            source: components["schemas"]["CaseSource"];
            title: string;
            updatedAt: string;
        };
        LedgerProgressDto: {
            attachmentIds: string[];
            authorName: string;
            createdAt: string;
            id: string;
            itemId: string;
            note: string;
            /** @description progress reached (percent) */
            percent: number | null;
            period: string;
            /** @description 季度报告 of an 811 主要任务 (period YYYY-Qn) */
            quarterly: boolean;
            unitId: string;
            unitName: string;
            /** @enum {string} */
            unitRole: "lead" | "co";
        };
        /**
         * @description accept 验收 (with materials), publish 公示, review 上级复核
         * @enum {string}
         */
        LedgerSignoffAction: "accept" | "publish" | "review";
        /**
         * @description inspection rows: 验收 done, 公示 running, 销号 after the higher-level review
         * @enum {string}
         */
        LedgerSignoffStage: "accepted" | "notice" | "signed_off";
        LoginDto: {
            /** @example demo1234 */
            password: string;
            /** @example dispatcher.nanhu */
            username: string;
        };
        MapPointDto: {
            category: string;
            id: string;
            lat: number;
            lng: number;
            overdue: boolean;
            state: components["schemas"]["CaseState"];
        };
        MeDto: {
            /** @description CASL rules packed with @casl/ability/extra packRules */
            rules: unknown[][];
            user: components["schemas"]["UserDto"];
        };
        MissedDeadlineDto: {
            dueAt: string;
            kind: components["schemas"]["DeadlineKind"];
            /** @description null while still overdue */
            settledAt: string | null;
            /** @enum {string} */
            status: "late" | "overdue";
        };
        MonthCountDto: {
            /** @description closed now */
            closed: number;
            /** @description found from outside (inspections, media, hotlines, petitions) */
            external: number;
            /** @example 2026-11 */
            month: string;
            /** @description overdue now */
            overdue: number;
            /** @description found by the area itself */
            self: number;
            total: number;
        };
        NamedRefDto: {
            code: string;
            name: string;
        };
        NotificationDto: {
            body: string;
            caseCode: string | null;
            caseId: string | null;
            createdAt: string;
            id: string;
            /**
             * @description overdue | auto_supervise | reminder | calendar_missing | assigned | returned | rework | signoff | accepted | rejected | closed
             * @example overdue
             */
            kind: string;
            read: boolean;
            readAt: string | null;
            title: string;
        };
        NotificationListDto: {
            items: components["schemas"]["NotificationDto"][];
            page: number;
            pageSize: number;
            /** @description matching the filter */
            total: number;
            /** @description unread in the whole inbox */
            unread: number;
            /** @description unread in the whole inbox by kind */
            unreadByKind: {
                [key: string]: number;
            };
        };
        /** @enum {string} */
        Open311AttributeDatatype: "string" | "number" | "datetime" | "text" | "singlevaluelist" | "multivaluelist";
        Open311AttributeDto: {
            code: string;
            datatype: components["schemas"]["Open311AttributeDatatype"];
            datatype_description: string | null;
            description: string;
            order: number;
            required: boolean;
            values: components["schemas"]["Open311AttributeValueDto"][];
            variable: boolean;
        };
        Open311AttributeValueDto: {
            key: string;
            name: string;
        };
        Open311CreatedDto: {
            account_id: string | null;
            service_notice: string;
            /** @example JX-2026-000123 */
            service_request_id: string;
            /** @description GET tokens/{token} answers the service_request_id */
            token: string;
        };
        Open311DiscoveryDto: {
            changeset: string;
            contact: string;
            endpoints: components["schemas"]["Open311EndpointDto"][];
            key_service: string;
        };
        Open311EndpointDto: {
            changeset: string;
            formats: string[];
            specification: string;
            type: string;
            url: string;
        };
        Open311RequestDto: {
            account_id?: string;
            address_id?: string;
            address_string?: string;
            /** @description required of clients that post on behalf of others (issued by admins, source open311) */
            api_key?: string;
            /** @description answers to the service definition’s attributes: attribute[code]=value */
            attribute?: {
                [key: string]: string | string[];
            };
            description?: string;
            device_id?: string;
            email?: string;
            first_name?: string;
            /** @description the configured domain id (e.g. jiaxing.gov.cn) or a region code */
            jurisdiction_id?: string;
            last_name?: string;
            lat?: number;
            long?: number;
            media_url?: string;
            phone?: string;
            /** @example air.open_burning */
            service_code: string;
        };
        Open311ServiceDefinitionDto: {
            attributes: components["schemas"]["Open311AttributeDto"][];
            service_code: string;
        };
        Open311ServiceDto: {
            description: string;
            group: string;
            keywords: string;
            /** @description true when the service asks questions (see its service definition) */
            metadata: boolean;
            service_code: string;
            service_name: string;
            type: components["schemas"]["Open311ServiceType"];
        };
        /** @enum {string} */
        Open311ServiceType: "realtime" | "batch" | "blackbox";
        /** @enum {string} */
        Open311Status: "open" | "closed";
        Open311StatusDto: {
            address: string | null;
            address_id: string | null;
            agency_responsible: string | null;
            description: string;
            expected_datetime: string | null;
            lat: number | null;
            long: number | null;
            media_url: string | null;
            requested_datetime: string | null;
            service_code: string;
            service_name: string;
            service_notice: string | null;
            service_request_id: string;
            status: components["schemas"]["Open311Status"];
            status_notes: string;
            updated_datetime: string | null;
            zipcode: string | null;
        };
        Open311TokenDto: {
            service_request_id: string;
            token: string;
        };
        OverviewDto: {
            byCategory: components["schemas"]["CategoryCountDto"][];
            /** @description every county and function zone of the caller’s regions, with or without cases */
            byCounty: components["schemas"]["CountyCountDto"][];
            /** @description by month of report, oldest first (months without cases left out) */
            byMonth: components["schemas"]["MonthCountDto"][];
            bySource: components["schemas"]["SourceCountDto"][];
            /** @description case count per state */
            byState: {
                [key: string]: number;
            };
            closed: number;
            from: string | null;
            open: number;
            overdue: number;
            points: components["schemas"]["MapPointDto"][];
            regionCode: string | null;
            /** @description county spot checks of town closures, per town */
            spotChecks: components["schemas"]["TownSpotCheckDto"][];
            supervised: number;
            to: string | null;
            total: number;
        };
        PendingExtensionDto: {
            newDueAt: string;
            reason: string;
        };
        /** @enum {string} */
        PetitionDocument: "acceptance-notice" | "non-acceptance-notice" | "handling-opinion";
        PetitionDto: {
            acceptedAt: string | null;
            /** @enum {string} */
            channel: "letter" | "visit" | "phone" | "online" | "hotline_12345" | "hotline_12369" | "inspection_transfer";
            content: string;
            extensionUsed: boolean;
            /** @enum {string} */
            grade: "general" | "key" | "group";
            petitionerCount: number;
            petitioners?: components["schemas"]["PetitionerDto"][];
            receivedAt: string;
            recheckDecidedAt: string | null;
            recheckRequestedAt: string | null;
            repliedAt: string | null;
            replyCount: number;
            /** @description the reply limit now running */
            replyDueAt: string | null;
            request: string;
            reviewDecidedAt: string | null;
            reviewRequestedAt: string | null;
            /** @description until when 复查 (or, after a 复查 decision, 复核) may be requested */
            reviewWindowEndsAt: string | null;
            /** @enum {string|null} */
            satisfaction: "satisfied" | "basically_satisfied" | "dissatisfied" | null;
            /** @enum {string} */
            state: "registered" | "accepted" | "declined" | "replied" | "concluded" | "under_review" | "reviewed" | "under_recheck" | "final";
        };
        PetitionerDto: {
            anonymous: boolean;
            id: string;
            idNumber: string | null;
            name: string | null;
            /** @description the petition this person filed (differs after a merge) */
            originalCaseId: string;
            phone: string | null;
        };
        PetitionerInputDto: {
            /** @default false */
            anonymous: boolean;
            /** @description 居民身份证号码 */
            idNumber?: string;
            /** @description omitted for an anonymous petitioner */
            name?: string;
            phone?: string;
        };
        /** @enum {string} */
        PetitionState: "registered" | "accepted" | "declined" | "replied" | "concluded" | "under_review" | "reviewed" | "under_recheck" | "final";
        PetitionStatsRowDto: {
            /** @description acceptance notices due (settled, or past due) */
            acceptanceDue: number;
            acceptanceOnTime: number;
            /** @description petitions with a 回访 result */
            followedUp: number;
            /** @example 2026-10 */
            month: string;
            /** @description acceptanceOnTime / acceptanceDue */
            onTimeAcceptanceRate: number | null;
            onTimeReplyRate: number | null;
            /** @description petitions received */
            received: number;
            regionCode: string;
            regionName: string;
            /** @description merged duplicates, or a petitioner who petitioned in the 365 days before */
            repeat: number;
            repeatRate: number | null;
            /** @description reply limits due (settled, or past due), each new reply counted */
            replyDue: number;
            replyOnTime: number;
            satisfactionRate: number | null;
            /** @description satisfied or basically satisfied */
            satisfied: number;
        };
        /**
         * @description 具体问题 / 共性问题
         * @enum {string}
         */
        ProblemScope: "specific" | "common";
        ProgressCountsDto: {
            cases: number;
            /** @description handed down, not yet being rectified (reported … assigned) */
            dispatched: number;
            items: number;
            itemsSignedOff: number;
            /** @description open and overdue (counted here instead of above) */
            overdue: number;
            /** @description rectifying or waiting for verification */
            rectifying: number;
            /** @description closed (销号) */
            signedOff: number;
        };
        PutAlertPolicyDto: {
            foldRadiusMeters: number;
            foldWindowHours: number;
            repeatCount: number;
            repeatWindowDays: number;
            sustainedMinutes: number;
        };
        QueueLagDto: {
            delayedDue: number;
            oldestDueMs: number | null;
            waiting: number;
        };
        ReadAllResultDto: {
            /** @description notifications marked read */
            updated: number;
        };
        /**
         * @description 立行立改 / 限期整改 / 长期坚持 (dueDate is then the ledger’s 交账 date)
         * @enum {string}
         */
        RectifyType: "immediate" | "deadline" | "long_term";
        RefreshDto: {
            refreshToken: string;
        };
        RegionDto: {
            code: string;
            level: components["schemas"]["RegionLevel"];
            name: string;
            parentCode: string | null;
            path: string;
        };
        /** @enum {string} */
        RegionLevel: "province" | "city" | "county" | "town" | "village" | "grid";
        RegionNodeDto: {
            children: components["schemas"]["RegionNodeDto"][];
            code: string;
            level: components["schemas"]["RegionLevel"];
            name: string;
            parentCode: string | null;
            path: string;
        };
        ReportBackDto: {
            comment: string;
            /** @description items not signed off, explained */
            explanations?: components["schemas"]["ExplanationDto"][];
            /** @example 330402 */
            regionCode: string;
        };
        ReportBackExplanationDto: {
            itemId: string;
            note: string;
            seq: number;
        };
        ReportBackViewDto: {
            actorName: string;
            at: string;
            comment: string;
            explanations: components["schemas"]["ReportBackExplanationDto"][];
            id: string;
            regionCode: string;
            regionName: string;
            signedOffItems: number;
        };
        RiskFiguresDto: {
            /** @description found by a higher level or the public */
            external: number;
            /** @description major problems first found from outside (each raises the level by one) */
            externalMajor: number;
            /** @description cases reported in the month (rejected and merged left out) */
            newCases: number;
            /** @description overdue now or a deadline settled late */
            overdue: number;
            /** @description reopened after closure (relapse) */
            reopened: number;
            /** @description dispatch or sign-for deadline missed */
            respondedLate: number;
            /** @description sent back at sign-off at least once */
            reworked: number;
            /** @description found by the area itself */
            selfDiscovered: number;
        };
        /**
         * @description no_data when nothing was reported (never green)
         * @enum {string}
         */
        RiskLevel: "green" | "yellow" | "orange" | "red" | "no_data";
        RiskWarningDto: {
            computedAt: string;
            consequences: components["schemas"]["WarningConsequenceDto"][];
            /** @description 管控力指数 0–100; null for no_data. 管控力指数 = 40×发现力（自主发现数/新增问题数）+ 40×处置力（按期办结率、一次性验收通过率、不反弹率的平均）+ 20×响应力（按期交办签收率）；风险分 = 100 − 管控力指数：<25 绿色，<50 黄色，<75 橙色，≥75 红色；当月有重大问题首先由外部发现的，预警等级提高一级；当月无新增问题的为“无数据”（灰色），不评为绿色。红色，或连续两个月橙色及以上的，启动市级督办并列入定点帮扶。 */
            controlIndex: number | null;
            figures: components["schemas"]["RiskFiguresDto"];
            /** @description when the 预警通报 was issued (frozen from then on); null: a preview */
            issuedAt: string | null;
            /** @description no_data when nothing was reported (never green) */
            level: components["schemas"]["RiskLevel"];
            month: string;
            regionCode: string;
            regionName: string;
            /** @description risk score 0–100 = 100 − controlIndex; null for no_data */
            score: number | null;
        };
        /** @enum {string} */
        Role: "grid_inspector" | "dispatcher" | "handler" | "supervisor" | "leader" | "admin";
        ScorecardDto: {
            figures: components["schemas"]["ScorecardFiguresDto"];
            /** @description 1 = best; ties share a rank; null when not scored */
            rank: number | null;
            /** @description 0–100; null without cases. 综合得分 = 自主发现率×25% + 按期签收率×15% + 按期办结率×20% + 一次性验收通过率×15% + 不反弹率×15% + 信访满意率×10%；某项当月无可评数据的不计入，其余各项按权重折算；当月无新增问题的不评分、不排名。 */
            score: number | null;
            /** @description region code, unit id or user id */
            subjectId: string;
            subjectName: string;
        };
        ScorecardFiguresDto: {
            closed: number;
            closedFirstPass: number;
            /** @description % */
            firstPassRate: number | null;
            /** @description % */
            noRelapseRate: number | null;
            /** @description % */
            onTimeCompletionRate: number | null;
            /** @description % */
            onTimeSignForRate: number | null;
            overdue: number;
            /** @description % */
            petitionSatisfactionRate: number | null;
            petitionsFollowedUp: number;
            petitionsSatisfied: number;
            rectifyOnTime: number;
            rectifySettled: number;
            /** @description reopened after closure (反弹) */
            relapsed: number;
            /** @description sent back at sign-off (返工) */
            reworked: number;
            /** @description % */
            selfDiscoveryRate: number | null;
            selfFound: number;
            signForOnTime: number;
            signForSettled: number;
            /** @description under a supervision order (督办) */
            supervised: number;
            /** @description cases reported in the month */
            total: number;
        };
        /** @enum {string} */
        ScorecardFormat: "json" | "xlsx";
        /** @enum {string} */
        ScorecardLevel: "county" | "town" | "unit" | "grid";
        ScorecardSeriesDto: {
            /** @description one point per month, oldest first */
            points: components["schemas"]["ScorecardTrendPointDto"][];
            subjectId: string;
            subjectName: string;
        };
        ScorecardTrendDto: {
            /** @description the twelve months, oldest first */
            months: string[];
            series: components["schemas"]["ScorecardSeriesDto"][];
        };
        ScorecardTrendPointDto: {
            figures: components["schemas"]["ScorecardFiguresDto"];
            /** @example 2026-11 */
            month: string;
            /** @description rank in that month, 1 = best */
            rank: number | null;
            /** @description 0–100; null without cases */
            score: number | null;
        };
        /** @enum {string} */
        Severity: "general" | "major";
        SourceCountDto: {
            count: number;
            source: components["schemas"]["CaseSource"];
        };
        TaskActionDto: {
            id: string;
            /** @description 牵头单位: the office the quarterly reports go to */
            leadUnit: components["schemas"]["UnitRefDto"];
            /** @description tasks with a report due for the quarter and not reported */
            missing: number;
            seq: number;
            tasks: components["schemas"]["TaskRowDto"][];
            title: string;
        };
        TaskRowDto: {
            /** @description the caller’s unit works on the task and has not reported for the quarter */
            canReport: boolean;
            coUnits: components["schemas"]["UnitRefDto"][];
            dueDate: string;
            id: string;
            lagLevel: components["schemas"]["LagLevel"] | null;
            /** @description the units leading its cases (the first listed unit of the row leads) */
            leadUnits: components["schemas"]["UnitRefDto"][];
            /** @description lead units that have not reported for the quarter */
            missingUnits: components["schemas"]["UnitRefDto"][];
            /** @description a report is expected for the quarter (the task is not signed off) */
            reportDue: boolean;
            /** @description every lead unit has reported for the quarter */
            reported: boolean;
            /** @description its quarterly reports, oldest quarter first */
            reports: components["schemas"]["LedgerProgressDto"][];
            seq: number;
            signedOff: boolean;
            status: components["schemas"]["ItemStatus"];
            /** @description 整改目标 / 任务目标 */
            target: string | null;
            title: string;
        };
        TaskTableDto: {
            actions: components["schemas"]["TaskActionDto"][];
            /** @example 2026-Q4 */
            currentQuarter: string;
            ledgerId: string;
            /** @description tasks not reported for the quarter */
            missing: number;
            /** @example 2026-Q4 */
            quarter: string;
            /** @description from the quarter the ledger was issued in up to the current one */
            quarters: string[];
            tasks: number;
            /** @description tasks of the table that belong to no 专项行动 */
            ungrouped: components["schemas"]["TaskRowDto"][];
        };
        TokensDto: {
            accessToken: string;
            expiresIn: number;
            refreshToken: string;
            user: components["schemas"]["UserDto"];
        };
        TownSpotCheckDto: {
            /** @description town closures the county spot-checked */
            checked: number;
            /** @description reopened as a relapse */
            failed: number;
            /** @description found in order */
            passed: number;
            regionCode: string;
            regionName: string;
        };
        UnitDto: {
            id: string;
            kind: components["schemas"]["UnitKind"];
            name: string;
            regionCode: string;
        };
        /** @enum {string} */
        UnitKind: "bureau" | "town_office" | "department" | "external" | "enterprise";
        UnitRefDto: {
            id: string;
            name: string;
        };
        UpdateDeadlinePolicyDto: {
            amount?: number;
            category?: string | null;
            kind?: components["schemas"]["DeadlineKind"];
            reminderLeadMinutes?: number;
            severity?: components["schemas"]["Severity"] | null;
            source?: components["schemas"]["CaseSource"] | null;
            unit?: components["schemas"]["DeadlineUnit"];
        };
        UpdateRegionDto: {
            /** @description GeoJSON geometry */
            boundary?: {
                [key: string]: unknown;
            };
            name?: string;
        };
        UpdateUnitDto: {
            active?: boolean;
            kind?: components["schemas"]["UnitKind"];
            name?: string;
        };
        UpdateUserDto: {
            active?: boolean;
            displayName?: string;
            password?: string;
            regionCode?: string;
            roles?: components["schemas"]["Role"][];
            unitId?: string | null;
        };
        UserDto: {
            active?: boolean;
            displayName: string;
            id: string;
            regionCode: string;
            regionLevel: components["schemas"]["RegionLevel"];
            regionName: string;
            roles: components["schemas"]["Role"][];
            unitId: string | null;
            unitName: string | null;
            username: string;
        };
        WarningConsequenceDto: {
            /** @description city_supervision: the cases put under the city’s order */
            caseIds: string[];
            dueAt: string | null;
            kind: components["schemas"]["WarningConsequenceKind"];
            note: string;
        };
        /** @enum {string} */
        WarningConsequenceKind: "city_supervision" | "assistance";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
};
export type $defs = Record<string, never>;
export interface operations {
    AlertsAdminController_policies: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertPolicyDto"][];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AlertsAdminController_putPolicy: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                source: components["schemas"]["AlertPolicySource"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PutAlertPolicyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertPolicyDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AlertsAdminController_listKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApiKeyDto"][];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AlertsAdminController_issue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateApiKeyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssuedApiKeyDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description well-formed but not processable (e.g. spreadsheet rows with errors) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AlertsAdminController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CalendarController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CalendarController_put: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CalendarYearBodyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYearDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DeadlinePoliciesController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadlinePolicyDto"][];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DeadlinePoliciesController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDeadlinePolicyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadlinePolicyDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description conflict: stale version, duplicate or a state that does not allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DeadlinePoliciesController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DeadlinePoliciesController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDeadlinePolicyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadlinePolicyDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description conflict: stale version, duplicate or a state that does not allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RegionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRegionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description conflict: stale version, duplicate or a state that does not allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RegionsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description conflict: stale version, duplicate or a state that does not allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RegionsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateRegionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UnitsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUnitDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description conflict: stale version, duplicate or a state that does not allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UnitsController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deactivated */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UnitsController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUnitDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description conflict: stale version, duplicate or a state that does not allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_list: {
        parameters: {
            query?: {
                /** @description text in the name or username */
                q?: string;
                /** @description this region and below */
                regionCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"][];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateUserDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description conflict: stale version, duplicate or a state that does not allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description deactivated */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UsersController_update: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateUserDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description conflict: stale version, duplicate or a state that does not allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AlertsController_list: {
        parameters: {
            query?: {
                caseId?: string;
                enterpriseCreditCode?: string;
                grade?: components["schemas"]["AlertGrade"];
                page?: number;
                pageSize?: number;
                pointId?: string;
                source?: components["schemas"]["AlertSource"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertListDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AlertsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAlertDto"];
            };
        };
        responses: {
            /** @description a replay of the same (source, externalId) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertOutcomeDto"];
                };
            };
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertOutcomeDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description well-formed but not processable (e.g. spreadsheet rows with errors) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AssessmentController_list: {
        parameters: {
            query: {
                /** @description xlsx: the monthly 通报 as a spreadsheet */
                format?: components["schemas"]["ScorecardFormat"];
                level: components["schemas"]["ScorecardLevel"];
                /** @description YYYY-MM; defaults to last month (Asia/Shanghai) */
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description ranked scorecards, best first (or the xlsx 通报) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScorecardDto"][];
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AssessmentController_trend: {
        parameters: {
            query: {
                level: components["schemas"]["ScorecardLevel"];
                /** @description the last month (YYYY-MM); defaults to last month (Asia/Shanghai); the trend covers the twelve months up to it */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScorecardTrendDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AttachmentsController_upload: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file?: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttachmentDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the upload is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the file type is not allowed */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AttachmentsController_download: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                    "application/pdf": string;
                    "image/*": string;
                    "video/*": string;
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": components["schemas"]["ErrorBody"];
                    "application/pdf": components["schemas"]["ErrorBody"];
                    "image/*": components["schemas"]["ErrorBody"];
                    "video/*": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuditController_verify: {
        parameters: {
            query: {
                caseId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChainCheckDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuthController_login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuthController_refresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokensDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CasesController_list: {
        parameters: {
            query?: {
                /** @description cases on which the caller can act now (worklist) */
                actionable?: boolean;
                /** @description air matches every air.* */
                category?: string;
                /** @description reported at or after this time (ISO 8601) */
                createdFrom?: string;
                /** @description reported before this time (ISO 8601) */
                createdTo?: string;
                leadUnitId?: string;
                ledgerId?: string;
                overdue?: boolean;
                page?: number;
                pageSize?: number;
                /** @description petitions in these petition states (信访 worklists: registered 待告知, accepted 待答复, replied 待回访, under_review,under_recheck 复查中) */
                petitionState?: components["schemas"]["PetitionState"][];
                /** @description text in the title, code or address */
                q?: string;
                /** @description this region and below */
                regionCode?: string;
                severity?: components["schemas"]["Severity"];
                /** @description -field for descending; field:desc also accepted */
                sort?: "createdAt" | "-createdAt" | "updatedAt" | "-updatedAt" | "dueAt" | "-dueAt" | "code" | "-code" | "severity" | "-severity";
                /** @description one source or several, comma-separated */
                source?: components["schemas"]["CaseSource"][];
                /** @description one state or several, comma-separated */
                state?: components["schemas"]["CaseState"][];
                supervised?: boolean;
                /** @description cases a leader took personally (包案); `me` for the caller */
                takenBy?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseListDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CasesController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description the same key and body return the same case */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCaseDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description conflict: stale version, duplicate or a state that does not allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CasesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CasesController_act: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action: "accept" | "dispatch" | "reject" | "merge" | "resolve_on_spot" | "escalate" | "sign_for" | "return" | "reassign" | "report_progress" | "request_extension" | "decide_extension" | "submit_completion" | "approve" | "reject_completion" | "review_pass" | "review_fail" | "spot_check" | "supervise" | "remind" | "transfer_enforcement" | "instruct" | "take_charge" | "accept_petition" | "decline_petition" | "extend_reply" | "reply" | "follow_up" | "consult" | "request_review" | "decide_review" | "request_recheck" | "decide_recheck";
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CaseActionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description conflict: stale version, duplicate or a state that does not allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description well-formed but not processable (e.g. spreadsheet rows with errors) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CaseAttachmentsController_archive: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the zip */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": string;
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/zip": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CasesController_duplicates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DuplicateCaseDto"][];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CasesController_events: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseEventDto"][];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CasesController_nearby: {
        parameters: {
            query: {
                /** @description air matches every air.*; air.dust matches the other air.* too (same top-level kind) */
                category: string;
                lat: number;
                lng: number;
                /** @description metres */
                radiusM?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DuplicateCaseDto"][];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CreditRepairsController_list: {
        parameters: {
            query?: {
                creditCode?: string;
                state?: components["schemas"]["CreditRepairState"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditRepairDto"][];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CreditRepairsController_apply: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCreditRepairDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditRepairDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description conflict: stale version, duplicate or a state that does not allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description well-formed but not processable (e.g. spreadsheet rows with errors) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CreditRepairsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditRepairDto"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    CreditRepairsController_act: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                action: components["schemas"]["CreditRepairAction"];
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreditRepairActionDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreditRepairDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description conflict: stale version, duplicate or a state that does not allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description well-formed but not processable (e.g. spreadsheet rows with errors) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    EnterprisesController_list: {
        parameters: {
            query?: {
                /** @description one credit code, exactly */
                code?: string;
                healthCode?: components["schemas"]["HealthCode"];
                keyDischarger?: boolean;
                page?: number;
                pageSize?: number;
                /** @description part of the name, or of the credit code */
                q?: string;
                /** @description this region and below */
                regionCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnterpriseListDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    EnterprisesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                creditCode: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnterpriseDetailDto"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    EnterprisesController_import: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file?: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnterpriseImportResultDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the upload is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the file type is not allowed */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description well-formed but not processable (e.g. spreadsheet rows with errors) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    EnterprisesController_template: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the template */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
            /** @description a dependency is down */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    InterviewsController_list: {
        parameters: {
            query?: {
                creditCode?: string;
                regionCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewDto"][];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    InterviewsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateInterviewDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InterviewDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description well-formed but not processable (e.g. spreadsheet rows with errors) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LedgersController_list: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerListDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LedgersController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateLedgerDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerDetailDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LedgersController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerDetailDto"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LedgersController_export: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the ledger */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LedgersController_import: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** Format: binary */
                    file?: string;
                };
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportResultDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description conflict: stale version, duplicate or a state that does not allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description well-formed but not processable (e.g. spreadsheet rows with errors) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LedgersController_plan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ItemPlanDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemPlanViewDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LedgersController_progress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateProgressDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerProgressDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LedgersController_quarterlyReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateQuarterlyReportDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LedgerProgressDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description conflict: stale version, duplicate or a state that does not allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description well-formed but not processable (e.g. spreadsheet rows with errors) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LedgersController_signoff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                itemId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ItemSignoffDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ItemSignoffViewDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description conflict: stale version, duplicate or a state that does not allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LedgersController_reportBack: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReportBackDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReportBackViewDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description conflict: stale version, duplicate or a state that does not allow it */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LedgersController_reportPackage: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the report package */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LedgersController_taskTable: {
        parameters: {
            query?: {
                /** @description the quarter whose reports are checked; defaults to the current quarter */
                quarter?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskTableDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description well-formed but not processable (e.g. spreadsheet rows with errors) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    LedgersController_template: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description the template */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": string;
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AuthController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    NotificationsController_list: {
        parameters: {
            query?: {
                /** @description only these kinds (comma-separated), e.g. assigned,rework */
                kind?: string[];
                page?: number;
                pageSize?: number;
                /** @description only unread ones */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationListDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    NotificationsController_read: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDto"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    NotificationsController_readAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadAllResultDto"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PetitionsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreatePetitionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CaseDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description well-formed but not processable (e.g. spreadsheet rows with errors) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PetitionsController_document: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                caseId: string;
                document: components["schemas"]["PetitionDocument"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description printable HTML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["ErrorBody"];
                };
            };
            /** @description well-formed but not processable (e.g. spreadsheet rows with errors) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    PetitionsController_stats: {
        parameters: {
            query?: {
                /** @description first month (by receipt), YYYY-MM */
                from?: string;
                /** @description this region and below */
                regionCode?: string;
                /** @description last month, YYYY-MM */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PetitionStatsRowDto"][];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RegionsController_tree: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionNodeDto"][];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RiskWarningsController_list: {
        parameters: {
            query?: {
                /** @description YYYY-MM; defaults to this month (Asia/Shanghai) */
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RiskWarningDto"][];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RiskWarningsController_formula: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ControlIndexFormulaDto"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    RiskWarningsController_issue: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IssueWarningsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueResultDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description well-formed but not processable (e.g. spreadsheet rows with errors) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    DeadlineStatsController_deadlines: {
        parameters: {
            query?: {
                /** @description this region and below; defaults to the caller’s own region */
                regionCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeadlineStatsDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatsController_discovery: {
        parameters: {
            query?: {
                /** @description defaults to county */
                level?: components["schemas"]["DiscoveryLevel"];
                /** @description one month (YYYY-MM); without it, the twelve months up to this one (Asia/Shanghai) */
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DiscoveryDto"][];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    AlertsController_fastTrackFigures: {
        parameters: {
            query?: {
                /** @description a month (Asia/Shanghai); the current one by default */
                month?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FastTrackDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    StatsController_overview: {
        parameters: {
            query?: {
                /** @description reported at or after (ISO 8601) */
                from?: string;
                /** @description this region and below; defaults to the caller’s jurisdiction */
                regionCode?: string;
                /** @description reported before (ISO 8601) */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverviewDto"];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    UnitsController_list: {
        parameters: {
            query?: {
                /** @description units in this region and below */
                regionCode?: string;
                /** @description with regionCode: also the departments and outside bodies registered above it, which may take its cases (DESIGN §11) */
                withBodiesAbove?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitDto"][];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not logged in, or the token expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    "Open311Controller_discovery[0]": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311DiscoveryDto"];
                    "text/xml": components["schemas"]["Open311DiscoveryDto"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    "Open311Controller_discovery[1]": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311DiscoveryDto"];
                    "text/xml": components["schemas"]["Open311DiscoveryDto"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    "Open311Controller_list[0]": {
        parameters: {
            query?: {
                api_key?: string;
                end_date?: string;
                /** @description the configured domain id (e.g. jiaxing.gov.cn) or a region code */
                jurisdiction_id?: string;
                page?: number;
                page_size?: number;
                /** @description comma-separated service codes */
                service_code?: string;
                /** @description comma-separated ids; overrides every other parameter */
                service_request_id?: string;
                start_date?: string;
                /** @description open, closed, or both comma-separated */
                status?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311StatusDto"][];
                    "text/xml": components["schemas"]["Open311StatusDto"][];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    "Open311Controller_create[0]": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Open311RequestDto"];
                "application/x-www-form-urlencoded": components["schemas"]["Open311RequestDto"];
                "multipart/form-data": components["schemas"]["Open311RequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311CreatedDto"][];
                    "text/xml": components["schemas"]["Open311CreatedDto"][];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the upload is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the file type is not allowed */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    "Open311Controller_list[1]": {
        parameters: {
            query?: {
                api_key?: string;
                end_date?: string;
                /** @description the configured domain id (e.g. jiaxing.gov.cn) or a region code */
                jurisdiction_id?: string;
                page?: number;
                page_size?: number;
                /** @description comma-separated service codes */
                service_code?: string;
                /** @description comma-separated ids; overrides every other parameter */
                service_request_id?: string;
                start_date?: string;
                /** @description open, closed, or both comma-separated */
                status?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311StatusDto"][];
                    "text/xml": components["schemas"]["Open311StatusDto"][];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    "Open311Controller_create[1]": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Open311RequestDto"];
                "application/x-www-form-urlencoded": components["schemas"]["Open311RequestDto"];
                "multipart/form-data": components["schemas"]["Open311RequestDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311CreatedDto"][];
                    "text/xml": components["schemas"]["Open311CreatedDto"][];
                };
            };
            /** @description invalid input (validation details in `details`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description logged in but not permitted */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the upload is too large */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description the file type is not allowed */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Open311Controller_find: {
        parameters: {
            query?: {
                api_key?: string;
                /** @description the configured domain id (e.g. jiaxing.gov.cn) or a region code */
                jurisdiction_id?: string;
            };
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311StatusDto"][];
                    "text/xml": components["schemas"]["Open311StatusDto"][];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    "Open311Controller_services[0]": {
        parameters: {
            query?: {
                api_key?: string;
                /** @description the configured domain id (e.g. jiaxing.gov.cn) or a region code */
                jurisdiction_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311ServiceDto"][];
                    "text/xml": components["schemas"]["Open311ServiceDto"][];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    "Open311Controller_services[1]": {
        parameters: {
            query?: {
                api_key?: string;
                /** @description the configured domain id (e.g. jiaxing.gov.cn) or a region code */
                jurisdiction_id?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311ServiceDto"][];
                    "text/xml": components["schemas"]["Open311ServiceDto"][];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Open311Controller_definition: {
        parameters: {
            query?: {
                api_key?: string;
                /** @description the configured domain id (e.g. jiaxing.gov.cn) or a region code */
                jurisdiction_id?: string;
            };
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311ServiceDefinitionDto"];
                    "text/xml": components["schemas"]["Open311ServiceDefinitionDto"];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
    Open311Controller_token: {
        parameters: {
            query?: {
                api_key?: string;
                /** @description the configured domain id (e.g. jiaxing.gov.cn) or a region code */
                jurisdiction_id?: string;
            };
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Open311TokenDto"][];
                    "text/xml": components["schemas"]["Open311TokenDto"][];
                };
            };
            /** @description not found, or outside the caller’s jurisdiction */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description too many requests */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                    "text/xml": components["schemas"]["ErrorBody"];
                };
            };
            /** @description unexpected server error */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorBody"];
                };
            };
        };
    };
}
