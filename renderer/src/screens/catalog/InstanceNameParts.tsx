import { explainInstanceName } from '@shared/instance-name';
import './instance-name.css';

/** The instance type's name read part by part (series, generation, processor, capabilities, size). */
export function InstanceNameParts({ instanceType }: { instanceType: string }) {
  const e = explainInstanceName(instanceType);
  const parts = [e.series, e.generation, e.processor, ...e.capabilities, e.variant, e.size].filter(
    (p) => p !== null,
  );
  if (e.series === null) {
    return (
      <p className="muted" data-testid="name-parts">
        {instanceType} does not follow AWS’s naming conventions as this app reads them.
      </p>
    );
  }
  return (
    <ol className="name-parts" data-testid="name-parts" aria-label={`${instanceType}, part by part`}>
      {parts.map((p, i) => (
        <li key={`${i}-${p.text}`} className="name-part" data-testid="name-part">
          <code>{p.text}</code>
          <span>{p.meaning}</span>
        </li>
      ))}
    </ol>
  );
}
