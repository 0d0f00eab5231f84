// "Where is it?": type part of a community (社区/村) or township (街道/乡镇) name, pick it with the
// arrow keys and Enter, and the map centres on a point inside it.
import { AutoComplete, Input } from "antd";
import { forwardRef, useEffect, useRef, useState } from "react";
import { useI18n } from "../../i18n/index.tsx";
import { get, qs } from "../../lib/api.ts";
import type { FoundPlace } from "./types.ts";

interface Props {
  onPick: (place: FoundPlace) => void;
  /** Enter with nothing to pick: go on to the next field */
  onDone?: () => void;
}

export const PlaceField = forwardRef<HTMLInputElement, Props>(function PlaceField({ onPick, onDone }, ref) {
  const { t } = useI18n();
  const [text, setText] = useState("");
  const [found, setFound] = useState<FoundPlace[]>([]);
  const seq = useRef(0);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const search = (q: string) => {
    setText(q);
    window.clearTimeout(timer.current);
    if (!q.trim()) {
      setFound([]);
      return;
    }
    // a pause in typing, and only the latest answer is shown
    timer.current = window.setTimeout(() => {
      const mine = ++seq.current;
      get<{ items: FoundPlace[] }>(`/hotline/places${qs({ q: q.trim() })}`)
        .then((r) => {
          if (mine === seq.current) setFound(r.items);
        })
        .catch(() => {
          if (mine === seq.current) setFound([]);
        });
    }, 200);
  };

  return (
    <AutoComplete
      value={text}
      onSearch={search}
      onSelect={(code: string) => {
        const place = found.find((p) => p.code === code);
        if (!place) return;
        setText(place.path.join(" "));
        onPick(place);
      }}
      options={found.map((p) => ({
        value: p.code,
        disabled: p.lat === null,
        label: (
          <span data-testid={`place-option-${p.code}`}>
            <b>{p.name}</b> <span className="cg-hl-muted">{p.path.slice(0, -1).join(" / ")}</span>
          </span>
        ),
      }))}
      defaultActiveFirstOption
      style={{ width: "100%" }}
    >
      <Input
        ref={ref as never}
        data-testid="hotline-place"
        placeholder={t("hlPlacePlaceholder")}
        onKeyDown={(e) => {
          if (e.key === "Enter" && found.length === 0) onDone?.();
        }}
        allowClear
      />
    </AutoComplete>
  );
});
