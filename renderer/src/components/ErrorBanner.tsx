/** Messages from failed calls, in one banner; a person sees what went wrong, never a stack trace. */
export function ErrorBanner({ messages }: { messages: string[] }) {
  if (messages.length === 0) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <strong>Something went wrong.</strong>
      {messages.length === 1 ? (
        <span> {messages[0]}</span>
      ) : (
        <ul>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
