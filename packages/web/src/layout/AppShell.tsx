// The frame of every signed-in page: a skip link, the fixed-clock banner, the header (home, the
// sections, who is signed in, sign out), the urgent tasks from patients' answers, and the page.
import { useEffect, useRef, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import { useSession } from '../session/session-context';
import { UrgentTasksBanner } from '../tasks/UrgentTasksBanner';
import { Button } from '../ui/Button';
import { AsOfBanner } from './AsOfBanner';
import { Logo } from './Logo';

const ROLE_LABEL = { clinician: 'Clinician', nurse: 'Nurse', 'clinic-admin': 'Clinic admin' } as const;

export function AppShell() {
  const { session, asOf, signOut } = useSession();
  const [leaving, setLeaving] = useState(false);
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const first = useRef(true);
  // A new page: keyboard and screen reader users start at its content, as after a page load.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [pathname]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <AsOfBanner asOf={asOf} />
      <header className="topbar">
        <div className="topbar-inner">
          <NavLink to="/patients" className="topbar-home" aria-label="Knotwork: patients">
            <Logo />
          </NavLink>
          <nav aria-label="Main" className="topnav">
            <NavLink to="/patients" className="topnav-link">
              Patients
            </NavLink>
            {session.user.role === 'clinic-admin' && (
              <NavLink to="/settings" className="topnav-link">
                Clinic settings
              </NavLink>
            )}
            <NavLink to="/outcomes" className="topnav-link">
              Outcomes
            </NavLink>
          </nav>
          <div className="topbar-user">
            <span className="user-name">
              {session.user.displayName}
              <span className="user-role">{ROLE_LABEL[session.user.role]}</span>
            </span>
            <Button
              size="sm"
              variant="ghost"
              busy={leaving}
              onClick={() => {
                setLeaving(true);
                void signOut();
              }}
            >
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <UrgentTasksBanner />
      <main id="main" className="page" tabIndex={-1} ref={main}>
        <Outlet />
      </main>
    </div>
  );
}
