// A titled box of the big screen, with an optional figure or control at the right of its title.
import type { ReactNode } from "react";

interface Props {
  title: ReactNode;
  extra?: ReactNode;
  className?: string;
  testId?: string;
  children: ReactNode;
}

export function Panel({ title, extra, className, testId, children }: Props) {
  return (
    <section className={`scr-panel ${className ?? ""}`} data-testid={testId}>
      <header>
        <h2>{title}</h2>
        {extra && <div className="scr-panel-extra">{extra}</div>}
      </header>
      <div className="scr-panel-body">{children}</div>
    </section>
  );
}
