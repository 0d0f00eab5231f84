// A map that cannot load (its code not on the phone yet and no network) must not take the screen
// down with it: show a note in its place; the rest of the screen keeps working.
import { Component, type ReactNode } from "react";

interface Props {
  children: ReactNode;
  height: number;
  text: string;
}

export class MapBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="cg-map cg-map-placeholder" style={{ height: this.props.height }} data-testid="map-unavailable">
        {this.props.text}
      </div>
    );
  }
}
