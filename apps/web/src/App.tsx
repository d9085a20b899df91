import { App as AntApp, ConfigProvider, Result, Button, Spin } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { lazy, Suspense, useEffect, useMemo, type ReactNode } from 'react';
import { useAbility } from '@casl/react';
import { LoginPage } from './modules/auth/components/LoginPage';
import { SessionProvider, useSession } from './modules/auth/hooks/useSession';
import { AppLayout } from './modules/layout/components/AppLayout';
import type { AppAbility } from './lib/ability';
import { useReducedMotion } from './lib/useReducedMotion';
import './lib/time';

// Pages load on demand: a grid inspector's phone never downloads the dashboard's charts. The pages of
// daily field work are fetched as soon as the user is signed in, so they open without a network.
const loadCaseList = () => import('./modules/cases/components/CaseListPage');
const loadCaseDetail = () => import('./modules/cases/components/CaseDetailPage');
const loadReport = () => import('./modules/report/components/ReportPage');
const loadNotifications = () => import('./modules/notifications/components/NotificationsPage');
const CaseListPage = lazy(() => loadCaseList().then((m) => ({ default: m.CaseListPage })));
const CaseDetailPage = lazy(() => loadCaseDetail().then((m) => ({ default: m.CaseDetailPage })));
const ReportPage = lazy(() => loadReport().then((m) => ({ default: m.ReportPage })));
const PetitionRegisterPage = lazy(() =>
  import('./modules/petitions/components/PetitionRegisterPage').then((m) => ({ default: m.PetitionRegisterPage })),
);
const LedgerListPage = lazy(() => import('./modules/ledgers/components/LedgerListPage').then((m) => ({ default: m.LedgerListPage })));
const LedgerDetailPage = lazy(() => import('./modules/ledgers/components/LedgerDetailPage').then((m) => ({ default: m.LedgerDetailPage })));
const NotificationsPage = lazy(() => loadNotifications().then((m) => ({ default: m.NotificationsPage })));

/** Fetches the field-work pages in the background (a failure only means they load later, on demand). */
function preloadWorkPages(): void {
  for (const load of [loadCaseList, loadCaseDetail, loadReport, loadNotifications]) load().catch(() => undefined);
}
const RiskWarningsPage = lazy(() => import('./modules/risk/components/RiskWarningsPage').then((m) => ({ default: m.RiskWarningsPage })));
const DiscoveryPage = lazy(() => import('./modules/risk/components/DiscoveryPage').then((m) => ({ default: m.DiscoveryPage })));
const ScorecardsPage = lazy(() => import('./modules/risk/components/ScorecardsPage').then((m) => ({ default: m.ScorecardsPage })));
const AlertsPage = lazy(() => import('./modules/alerts/components/AlertsPage').then((m) => ({ default: m.AlertsPage })));
const CreditRepairQueue = lazy(() => import('./modules/enterprises/components/CreditRepairQueue').then((m) => ({ default: m.CreditRepairQueue })));
const EnterprisePage = lazy(() => import('./modules/enterprises/components/EnterprisePage').then((m) => ({ default: m.EnterprisePage })));
const CasePrintPage = lazy(() => import('./modules/cases/components/CasePrintPage').then((m) => ({ default: m.CasePrintPage })));
const AdminPage = lazy(() => import('./modules/admin/components/AdminPage').then((m) => ({ default: m.AdminPage })));
const DashboardPage = lazy(() => import('./modules/dashboard/components/DashboardPage').then((m) => ({ default: m.DashboardPage })));


const theme = {
  token: {
    colorPrimary: '#1f7a4d',
    colorLink: '#1f7a4d',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'Segoe UI', Roboto, sans-serif",
  },
};

function RequireAuth({ children }: { children: ReactNode }) {
  const { status, error, reload, logout } = useSession();
  const location = useLocation();
  useEffect(() => {
    if (status === 'signedIn') preloadWorkPages();
  }, [status]);
  if (status === 'loading')
    return (
      <div className="full-center">
        <Spin size="large" description="正在加载…" />
      </div>
    );
  if (status === 'error')
    return (
      <Result
        status="warning"
        title="无法连接服务"
        subTitle={error ?? undefined}
        extra={[
          <Button key="retry" type="primary" onClick={reload}>
            重试
          </Button>,
          <Button key="logout" onClick={logout}>
            重新登录
          </Button>,
        ]}
      />
    );
  if (status !== 'signedIn') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

/** Where a user lands: leaders on the dashboard, admins in 系统管理, everyone else on their worklist. */
function Home() {
  const { user } = useSession();
  const ability = useAbility<AppAbility>();
  if (user?.roles.length === 1 && user.roles[0] === 'leader' && ability.can('read', 'Stats')) return <Navigate to="/dashboard" replace />;
  if (user?.roles.length === 1 && user.roles[0] === 'admin' && ability.can('manage', 'User')) return <Navigate to="/admin" replace />;
  if (ability.can('read', 'Case')) return <Navigate to="/worklist" replace />;
  if (ability.can('read', 'Notification')) return <Navigate to="/notifications" replace />;
  return <Result status="403" title="暂无可用功能" subTitle="请联系管理员分配角色" />;
}

export function App() {
  const reducedMotion = useReducedMotion();
  const appTheme = useMemo(() => ({ ...theme, token: { ...theme.token, motion: !reducedMotion } }), [reducedMotion]);
  return (
    <ConfigProvider locale={zhCN} theme={appTheme}>
      <AntApp>
        <BrowserRouter>
          <SessionProvider>
            <Routes>
              <Route path="/login" element={<LoginPage />} />
              <Route
                path="/cases/:id/print/:doc"
                element={
                  <RequireAuth>
                    <Suspense fallback={<Spin />}>
                      <CasePrintPage />
                    </Suspense>
                  </RequireAuth>
                }
              />
              <Route
                element={
                  <RequireAuth>
                    <AppLayout />
                  </RequireAuth>
                }
              >
                <Route index element={<Home />} />
                <Route path="worklist" element={<CaseListPage mode="worklist" key="worklist" />} />
                <Route path="cases" element={<CaseListPage mode="search" key="cases" />} />
                <Route path="cases/:id" element={<CaseDetailPage />} />
                <Route path="report" element={<ReportPage />} />
                <Route path="petitions/new" element={<PetitionRegisterPage />} />
                <Route path="ledgers" element={<LedgerListPage />} />
                <Route path="ledgers/:id" element={<LedgerDetailPage />} />
                <Route path="notifications" element={<NotificationsPage />} />
                <Route path="dashboard" element={<DashboardPage />} />
                <Route path="risk-warnings" element={<RiskWarningsPage />} />
                <Route path="discovery" element={<DiscoveryPage />} />
                <Route path="scorecards" element={<ScorecardsPage />} />
                <Route path="alerts" element={<AlertsPage />} />
                <Route path="enterprises" element={<EnterprisePage />} />
                <Route path="enterprises/:creditCode" element={<EnterprisePage />} />
                <Route path="credit-repairs" element={<CreditRepairQueue />} />
                <Route path="admin" element={<AdminPage />} />
                <Route path="*" element={<Result status="404" title="页面不存在" />} />
              </Route>
            </Routes>
          </SessionProvider>
        </BrowserRouter>
      </AntApp>
    </ConfigProvider>
  );
}
