// 12345 热线受理: the agent's desk, made for typing while the caller talks. Phone first (the caller's
// earlier cases appear), then the place (a community by name, or a click on the map), the category and
// what the caller says; similar open cases nearby update as they type, each one key away from a
// "me too". Ctrl+Enter records a new case; Ctrl+Shift+Enter closes a consultation with the answer.
import { Alert, App, Button, Card, Col, Form, Input, Row, Space, Typography } from "antd";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { CategorySelect } from "../components/cases/CategorySelect.tsx";
import type { CaseView } from "../components/cases/caseTypes.ts";
import { errorText } from "../components/cases/errors.ts";
import { CallerHistory } from "../components/hotline/CallerHistory.tsx";
import { DeskMap } from "../components/hotline/DeskMap.tsx";
import { KeyHints } from "../components/hotline/KeyHints.tsx";
import { MeTooModal } from "../components/hotline/MeTooModal.tsx";
import { PlaceField } from "../components/hotline/PlaceField.tsx";
import { SimilarCases } from "../components/hotline/SimilarCases.tsx";
import type { SimilarCase } from "../components/hotline/types.ts";
import { useSimilar } from "../components/hotline/useSimilar.ts";
import "../components/hotline/hotline.css";
import { useI18n } from "../i18n/index.tsx";
import { post } from "../lib/api.ts";
import { randomId } from "../lib/ids.ts";

const PHONE = /^\+?[0-9][0-9 -]{4,19}$/;

interface Call {
  phone: string;
  name: string;
  lat?: number;
  lng?: number;
  address: string;
  categoryCode?: string;
  description: string;
  answer: string;
}
const EMPTY: Call = { phone: "", name: "", address: "", description: "", answer: "" };

interface Done {
  kind: "created" | "resolved" | "attached";
  id: string;
  code: string;
  meToo: number;
}

export function HotlinePage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [call, setCall] = useState<Call>(EMPTY);
  const [historyPhone, setHistoryPhone] = useState<string | null>(null);
  const [fitKey, setFitKey] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [target, setTarget] = useState<SimilarCase | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  // the number of the call on the line: a new call starts the place search afresh
  const [callNo, setCallNo] = useState(0);
  // one key per call: a retry after a lost answer does not record the call twice
  const key = useRef(randomId());
  const phoneRef = useRef<HTMLInputElement>(null);
  const placeRef = useRef<HTMLInputElement>(null);
  const set = (patch: Partial<Call>) => setCall((c) => ({ ...c, ...patch }));

  const similar = useSimilar({ lat: call.lat, lng: call.lng, text: call.description, categoryCode: call.categoryCode });
  const hasPoint = typeof call.lat === "number" && typeof call.lng === "number";

  useEffect(() => phoneRef.current?.focus(), []);

  const lookUpCaller = () => {
    const phone = call.phone.trim();
    setHistoryPhone(PHONE.test(phone) ? phone : null);
  };

  const reporter = useMemo(() => {
    const name = call.name.trim();
    const phone = call.phone.trim();
    return name || phone ? { ...(name ? { name } : {}), ...(phone ? { phone } : {}) } : undefined;
  }, [call.name, call.phone]);

  const problem = (needAnswer: boolean): string | null => {
    if (call.phone.trim() && !PHONE.test(call.phone.trim())) return t("phoneInvalid");
    if (!hasPoint) return t("hlNeedPlace");
    if (!call.description.trim()) return t("fieldRequired", { field: t("hlWords") });
    if (needAnswer && !call.answer.trim()) return t("fieldRequired", { field: t("hlAnswer") });
    return null;
  };

  const finish = (d: Done, text: string) => {
    message.success(text);
    setDone(d);
    setCall(EMPTY);
    setCallNo((n) => n + 1);
    setHistoryPhone(null);
    setError(null);
    key.current = randomId();
    phoneRef.current?.focus();
  };

  const run = async (needAnswer: boolean, send: () => Promise<void>) => {
    if (busy) return;
    const p = problem(needAnswer);
    if (p) {
      setError(p);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await send();
    } catch (e) {
      setError(errorText(e, lang, t));
    } finally {
      setBusy(false);
    }
  };

  const base = () => ({
    description: call.description.trim(),
    lat: call.lat,
    lng: call.lng,
    ...(call.address.trim() ? { address: call.address.trim() } : {}),
    ...(call.categoryCode ? { categoryCode: call.categoryCode } : {}),
    ...(reporter ? { reporter } : {}),
  });

  const create = () =>
    run(false, async () => {
      const c = await post<CaseView>("/cases", { ...base(), source: "hotline" }, { "Idempotency-Key": key.current });
      finish({ kind: "created", id: c.id, code: c.code, meToo: 0 }, t("hlCreated", { code: c.code }));
    });

  const resolve = () =>
    run(true, async () => {
      const c = await post<CaseView>(
        "/hotline/consultations",
        { ...base(), answer: call.answer.trim() },
        { "Idempotency-Key": key.current },
      );
      finish({ kind: "resolved", id: c.id, code: c.code, meToo: 0 }, t("hlResolved", { code: c.code }));
    });

  const attach = async () => {
    if (!target || busy) return;
    setBusy(true);
    try {
      const r = await post<{ case: CaseView }>(
        `/cases/${target.id}/callers`,
        { ...reporter, ...(call.description.trim() ? { note: call.description.trim().slice(0, 2000) } : {}) },
        { "Idempotency-Key": key.current },
      );
      setTarget(null);
      finish(
        { kind: "attached", id: r.case.id, code: r.case.code, meToo: r.case.counters.meToo },
        t("hlAttached", { code: r.case.code, n: r.case.counters.meToo }),
      );
    } catch (e) {
      setTarget(null);
      setError(errorText(e, lang, t));
    } finally {
      setBusy(false);
    }
  };

  // the desk's keys, wherever the focus is
  const keys = useRef({ create, resolve, attach, similar: similar.items, target });
  keys.current = { create, resolve, attach, similar: similar.items, target };
  const onKey = useCallback((e: KeyboardEvent) => {
    const k = keys.current;
    if (k.target) {
      // the confirm dialog: Enter attaches (Esc is the dialog's own)
      if (e.key === "Enter" && !e.isComposing) {
        e.preventDefault();
        void k.attach();
      }
      return;
    }
    if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
      e.preventDefault();
      void (e.shiftKey ? k.resolve() : k.create());
      return;
    }
    const digit = /^Digit([1-5])$/.exec(e.code)?.[1];
    if (e.altKey && digit) {
      const candidate = k.similar[Number(digit) - 1];
      if (candidate) {
        e.preventDefault();
        setTarget(candidate);
      }
    }
  }, []);
  useEffect(() => {
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [onKey]);

  return (
    <div data-testid="hotline-desk">
      <Space style={{ justifyContent: "space-between", width: "100%", marginBottom: 8 }} wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t("navHotline")}
        </Typography.Title>
        <KeyHints />
      </Space>
      {done && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setDone(null)}
          style={{ marginBottom: 12 }}
          data-testid="hotline-done"
          data-kind={done.kind}
          title={
            <span>
              {t(
                done.kind === "created"
                  ? "hlLastCreated"
                  : done.kind === "resolved"
                    ? "hlLastResolved"
                    : "hlLastAttached",
              )}{" "}
              <Link to={`/cases/${done.id}`} data-testid="hotline-done-link">
                {done.code}
              </Link>
              {done.kind === "attached" && (
                <span data-testid="hotline-done-metoo"> · {t("hlMeTooCount", { n: done.meToo })}</span>
              )}
            </span>
          }
        />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small">
            <Form layout="vertical" component="div">
              <Row gutter={12}>
                <Col xs={24} sm={12}>
                  <Form.Item label={t("hlPhone")} style={{ marginBottom: 12 }}>
                    <Input
                      ref={phoneRef as never}
                      data-testid="hotline-phone"
                      inputMode="tel"
                      maxLength={20}
                      autoComplete="off"
                      value={call.phone}
                      onChange={(e) => set({ phone: e.target.value })}
                      onBlur={lookUpCaller}
                      onPressEnter={() => {
                        lookUpCaller();
                        placeRef.current?.focus();
                      }}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12}>
                  <Form.Item label={t("hlName")} style={{ marginBottom: 12 }}>
                    <Input
                      data-testid="hotline-name"
                      maxLength={50}
                      autoComplete="off"
                      value={call.name}
                      onChange={(e) => set({ name: e.target.value })}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t("hlPlace")} style={{ marginBottom: 8 }} extra={t("hlPlaceHint")}>
                <PlaceField
                  key={callNo}
                  ref={placeRef}
                  onPick={(p) => {
                    if (p.lat === null || p.lng === null) return;
                    set({ lat: p.lat, lng: p.lng });
                    setFitKey((k) => k + 1);
                  }}
                />
              </Form.Item>
              <DeskMap
                lat={call.lat}
                lng={call.lng}
                fitKey={fitKey}
                similar={similar.items}
                onPoint={(p) => set({ lat: p.lat, lng: p.lng })}
              />
              <Row gutter={12}>
                <Col xs={24} sm={14}>
                  <Form.Item label={t("hlAddress")} style={{ marginBottom: 12 }}>
                    <Input
                      data-testid="hotline-address"
                      maxLength={300}
                      value={call.address}
                      onChange={(e) => set({ address: e.target.value })}
                    />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={10}>
                  <Form.Item label={t("categoryOptional")} style={{ marginBottom: 12 }}>
                    <CategorySelect
                      testId="hotline-category"
                      value={call.categoryCode}
                      onChange={(v) => set({ categoryCode: v })}
                      style={{ width: "100%" }}
                    />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item label={t("hlWords")} style={{ marginBottom: 12 }}>
                <Input.TextArea
                  data-testid="hotline-description"
                  rows={4}
                  maxLength={5000}
                  showCount
                  value={call.description}
                  onChange={(e) => set({ description: e.target.value })}
                  placeholder={t("hlWordsPlaceholder")}
                />
              </Form.Item>
              <Form.Item label={t("hlAnswerOptional")} style={{ marginBottom: 12 }}>
                <Input.TextArea
                  data-testid="hotline-answer"
                  rows={2}
                  maxLength={4000}
                  value={call.answer}
                  onChange={(e) => set({ answer: e.target.value })}
                  placeholder={t("hlAnswerPlaceholder")}
                />
              </Form.Item>
              {error && (
                <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} data-testid="hotline-error" />
              )}
              <Space wrap>
                <Button type="primary" onClick={() => void create()} loading={busy} data-testid="hotline-create">
                  {t("hlCreate")} <kbd className="cg-kbd">Ctrl+Enter</kbd>
                </Button>
                <Button onClick={() => void resolve()} loading={busy} data-testid="hotline-resolve">
                  {t("hlResolve")} <kbd className="cg-kbd">Ctrl+Shift+Enter</kbd>
                </Button>
                <Button
                  type="text"
                  onClick={() => {
                    setCall(EMPTY);
                    setCallNo((n) => n + 1);
                    setHistoryPhone(null);
                    setError(null);
                    phoneRef.current?.focus();
                  }}
                >
                  {t("hlNewCall")}
                </Button>
              </Space>
            </Form>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            <Card size="small" title={t("hlSimilar")}>
              <SimilarCases
                items={similar.items}
                loading={similar.loading}
                ready={similar.ready}
                radiusM={similar.radiusM}
                onAttach={(i) => setTarget(similar.items[i] ?? null)}
              />
            </Card>
            <Card size="small" title={t("hlHistory")}>
              <CallerHistory phone={historyPhone} />
            </Card>
          </Space>
        </Col>
      </Row>
      <MeTooModal
        target={target}
        caller={{ name: call.name.trim(), phone: call.phone.trim(), note: call.description.trim() }}
        busy={busy}
        onOk={() => void attach()}
        onCancel={() => setTarget(null)}
      />
    </div>
  );
}
