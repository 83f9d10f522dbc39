/** The error / warning / all-clear marks, drawn inline so they look the same on every system. */
export function SeverityIcon(props: { severity: 'error' | 'warning' | 'ok'; label?: string }) {
  const className = `severity-icon ${props.severity}`;
  const shapes = (
    <>
      {props.severity === 'error' && (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M5.5 5.5l5 5m0-5l-5 5" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
        </>
      )}
      {props.severity === 'warning' && (
        <>
          <path d="M8 1.5l7 12.5H1z" fill="currentColor" strokeLinejoin="round" />
          <path d="M8 6v4" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
          <circle cx="8" cy="12.2" r="1" fill="#fff" />
        </>
      )}
      {props.severity === 'ok' && (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path
            d="M4.8 8.3l2.2 2.2 4.2-4.6"
            stroke="#fff"
            strokeWidth="1.8"
            fill="none"
            strokeLinecap="round"
          />
        </>
      )}
    </>
  );
  if (!props.label)
    return (
      <svg className={className} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
        {shapes}
      </svg>
    );
  return (
    <svg className={className} viewBox="0 0 16 16" width="16" height="16" role="img">
      <title>{props.label}</title>
      {shapes}
    </svg>
  );
}
