// The frame of the pages a patient opens without an account (the education page, the follow-up
// form): the clinic's name, the page, nothing of the signed-in app.
import type { ReactNode } from 'react';
import { Logo } from '../layout/Logo';
import './public.css';

export function PublicShell({ children }: { readonly children: ReactNode }) {
  return (
    <div className="public-shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="public-top">
        <Logo />
      </header>
      <main id="main" className="public-page" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
