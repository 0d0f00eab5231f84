// A fixed 1920×1080 stage scaled to the window (letterboxed when the aspect differs), so the big
// screen's layout is designed once and reads the same on a 1366×768 laptop or a 4K wall. Leaflet and
// ECharts both account for a CSS-scaled container when they turn mouse positions into coordinates.
import { type ReactNode, useLayoutEffect, useState } from "react";

export const STAGE_W = 1920;
export const STAGE_H = 1080;

export function Stage({ children }: { children: ReactNode }) {
  const [fit, setFit] = useState({ scale: 1, left: 0, top: 0 });
  useLayoutEffect(() => {
    const place = () => {
      const scale = Math.min(window.innerWidth / STAGE_W, window.innerHeight / STAGE_H);
      setFit({
        scale,
        left: Math.max(0, (window.innerWidth - STAGE_W * scale) / 2),
        top: Math.max(0, (window.innerHeight - STAGE_H * scale) / 2),
      });
    };
    place();
    window.addEventListener("resize", place);
    return () => window.removeEventListener("resize", place);
  }, []);
  return (
    <div className="scr-viewport">
      <div
        className="scr-stage"
        data-testid="screen-stage"
        data-scale={fit.scale.toFixed(3)}
        style={{
          width: STAGE_W,
          height: STAGE_H,
          transform: `translate(${fit.left}px, ${fit.top}px) scale(${fit.scale})`,
        }}
      >
        {children}
      </div>
    </div>
  );
}
