// After a new version is deployed, a page chunk of the old build may no longer exist: reload once to
// pick up the new build instead of leaving a blank page. Other render errors show a message.
import { Button, Result } from "antd";
import { Component, type ReactNode } from "react";

const RELOADED = "civicgrid.chunkReload";

export class ChunkErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    const chunkFailed = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(
      error.message,
    );
    if (chunkFailed && !sessionStorage.getItem(RELOADED)) {
      sessionStorage.setItem(RELOADED, "1");
      window.location.reload();
    }
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title="页面加载失败 / The page failed to load"
        subTitle={this.state.error.message}
        extra={<Button onClick={() => window.location.reload()}>刷新 / Reload</Button>}
      />
    );
  }
}
