export function Logo() {
  return (
    <span className="logo">
      <svg className="logo-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="7" />
        <path d="M9 23c4-9 10-9 14-14M9 9c4 9 10 9 14 14" />
      </svg>
      <span className="logo-word">Knotwork</span>
    </span>
  );
}
