// The routes of the app. The patient's pages (/learn, the education page, and /f/:token, the
// follow-up form) are public: outside the session, no sign-in wall, loaded on first use. Every other
// page sits in the shell; the session provider above shows the sign-in page instead while nobody is
// signed in, keeping the URL asked for.
import { lazy, Suspense } from 'react';
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router';
import { ChartPage } from './chart/ChartPage';
import { AppShell } from './layout/AppShell';
import { DashboardPageLazy } from './outcomes/lazy';
import { NewPatientPage } from './patients/NewPatientPage';
import { PatientSearchPage } from './patients/PatientSearchPage';
import { SessionProvider } from './session/SessionProvider';
import { SettingsPageLazy } from './settings/lazy';
import { Loading } from './ui/Loading';
import { PageHeader } from './ui/PageHeader';
import { VisitPage } from './visit/VisitPage';

const LearnPage = lazy(() => import('./learn/LearnPage').then((m) => ({ default: m.LearnPage })));
const FollowUpFormPage = lazy(() =>
  import('./follow-up/FollowUpFormPage').then((m) => ({ default: m.FollowUpFormPage })),
);

function NotFound() {
  return (
    <>
      <PageHeader title="Page not found" documentTitle="Page not found" />
      <p>
        There is no page at this address. <Link to="/patients">Go to the patient list</Link>.
      </p>
    </>
  );
}

function SignedInApp() {
  return (
    <SessionProvider>
      <Routes>
        <Route element={<AppShell />}>
          <Route index element={<Navigate to="/patients" replace />} />
          <Route path="patients" element={<PatientSearchPage />} />
          <Route path="patients/new" element={<NewPatientPage />} />
          <Route path="patients/:id" element={<ChartPage />} />
          <Route path="visits/:visitId" element={<VisitPage />} />
          <Route path="visits/:visitId/:step" element={<VisitPage />} />
          <Route path="outcomes" element={<DashboardPageLazy />} />
          <Route path="settings" element={<SettingsPageLazy />} />
          <Route path="settings/:section" element={<SettingsPageLazy />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </SessionProvider>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route
          path="learn"
          element={
            <Suspense fallback={<Loading label="Opening the page" />}>
              <LearnPage />
            </Suspense>
          }
        />
        <Route
          path="f/:token"
          element={
            <Suspense fallback={<Loading label="Opening your questions" />}>
              <FollowUpFormPage />
            </Suspense>
          }
        />
        <Route path="*" element={<SignedInApp />} />
      </Routes>
    </BrowserRouter>
  );
}
