// A page's title (its h1, and the document title so a tab and a screen reader say where you are),
// with an optional line above it (back to the list) and actions beside it.
import { useEffect, type ReactNode } from 'react';

export interface PageHeaderProps {
  readonly title: ReactNode;
  readonly documentTitle: string;
  readonly eyebrow?: ReactNode;
  readonly actions?: ReactNode;
  readonly children?: ReactNode;
}

export function PageHeader({ title, documentTitle, eyebrow, actions, children }: PageHeaderProps) {
  useEffect(() => {
    document.title = `${documentTitle} · Knotwork`;
  }, [documentTitle]);
  return (
    <div className="page-header">
      {eyebrow && <div className="page-eyebrow">{eyebrow}</div>}
      <div className="page-header-row">
        <h1 className="page-title">{title}</h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}
