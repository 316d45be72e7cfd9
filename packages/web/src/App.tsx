// The routes of the signed-in app. Every page sits in the shell; the session provider above
// shows the sign-in page instead while nobody is signed in, keeping the URL asked for.
import { BrowserRouter, Link, Navigate, Route, Routes } from 'react-router';
import { ChartPage } from './chart/ChartPage';
import { AppShell } from './layout/AppShell';
import { NewPatientPage } from './patients/NewPatientPage';
import { PatientSearchPage } from './patients/PatientSearchPage';
import { SessionProvider } from './session/SessionProvider';
import { SettingsPageLazy } from './settings/lazy';
import { PageHeader } from './ui/PageHeader';
import { VisitPage } from './visit/VisitPage';

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

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route element={<AppShell />}>
            <Route index element={<Navigate to="/patients" replace />} />
            <Route path="patients" element={<PatientSearchPage />} />
            <Route path="patients/new" element={<NewPatientPage />} />
            <Route path="patients/:id" element={<ChartPage />} />
            <Route path="visits/:visitId" element={<VisitPage />} />
            <Route path="visits/:visitId/:step" element={<VisitPage />} />
            <Route path="settings" element={<SettingsPageLazy />} />
            <Route path="settings/:section" element={<SettingsPageLazy />} />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
