// The clinic settings (issue 4 item 5), for clinic admins: the screening policy, the follow-up
// schedule, the observation time and the users, one section at a time with the sections listed
// beside it (/settings/<section>). Anyone else who opens the address is told it is for clinic admins
// (the server would refuse them anyway: 403 on every change and on the policy and users).
import { Link, Navigate, NavLink, useParams } from 'react-router';
import { useSettingsApi } from '../api/settings-endpoints';
import { useSession } from '../session/session-context';
import { PageHeader } from '../ui/PageHeader';
import { FollowUpSection } from './FollowUpSection';
import { ObservationTimeSection } from './ObservationTimeSection';
import { ScreeningPolicySection } from './ScreeningPolicySection';
import { SettingsProvider } from './SettingsProvider';
import { UsersSection } from './UsersSection';
import './settings.css';

export const SETTINGS_SECTIONS = [
  { path: 'screening-policy', title: 'Screening policy', Section: ScreeningPolicySection },
  { path: 'follow-up', title: 'Follow-up schedule', Section: FollowUpSection },
  { path: 'observation-time', title: 'Observation time', Section: ObservationTimeSection },
  { path: 'users', title: 'Users', Section: UsersSection },
] as const;

export function SettingsPage() {
  const { session } = useSession();
  if (session.user.role !== 'clinic-admin') {
    return (
      <>
        <PageHeader title="Clinic settings" documentTitle="Clinic settings" />
        <div className="alert alert-info" role="note" aria-label="Clinic admins only">
          <p className="alert-title">Clinic settings are for clinic admins only</p>
          <p>
            You are signed in as {session.user.displayName}, who is not a clinic admin. Ask your clinic’s admin to
            change the screening policy, the follow-up schedule, the observation time or the users.{' '}
            <Link to="/patients">Go to the patient list</Link>.
          </p>
        </div>
      </>
    );
  }
  return <AdminSettings selfId={session.user.id} />;
}

function AdminSettings({ selfId }: { readonly selfId: string }) {
  const { section = '' } = useParams();
  const api = useSettingsApi();
  const current = SETTINGS_SECTIONS.find((s) => s.path === section);
  if (!current) return <Navigate to="/settings/screening-policy" replace />;
  const { Section, title } = current;
  return (
    <SettingsProvider api={api} selfId={selfId}>
      <PageHeader title="Clinic settings" documentTitle={`${title}: clinic settings`} />
      <div className="settings-layout">
        <nav className="settings-nav" aria-label="Clinic settings">
          <ul>
            {SETTINGS_SECTIONS.map((s) => (
              <li key={s.path}>
                <NavLink to={`/settings/${s.path}`}>{s.title}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="settings-section">
          <Section />
        </div>
      </div>
    </SettingsProvider>
  );
}
