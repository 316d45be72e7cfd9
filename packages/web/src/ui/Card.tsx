import type { ReactNode } from 'react';

export interface CardProps {
  readonly title: ReactNode;
  readonly headingId: string;
  readonly actions?: ReactNode;
  readonly status?: ReactNode;
  readonly children: ReactNode;
  readonly className?: string;
}

/** A titled section of a page (a region named by its heading). */
export function Card({ title, headingId, actions, status, children, className }: CardProps) {
  return (
    <section className={['card', className ?? ''].join(' ').trim()} aria-labelledby={headingId}>
      <header className="card-header">
        <div className="card-heading">
          <h2 id={headingId} className="card-title">
            {title}
          </h2>
          {status}
        </div>
        {actions && <div className="card-actions">{actions}</div>}
      </header>
      <div className="card-content">{children}</div>
    </section>
  );
}
