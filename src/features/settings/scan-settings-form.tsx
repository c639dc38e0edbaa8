import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { FORMAT_LABEL, SYMBOLOGIES, type Symbology } from '../../lib/gs1/symbology';
import { type EngineSetting, type ScanSettings, useSettingsStore } from './settings-store';

const ENGINES: { value: EngineSetting; label: string }[] = [
  { value: 'auto', label: 'Automatic (fastest available)' },
  { value: 'native', label: 'Built-in detector (Android Chrome)' },
  { value: 'zxing-wasm', label: 'ZXing-C++ (WebAssembly)' },
  { value: 'zxing-js', label: 'ZXing-JS (no WebAssembly)' },
];

/** How the scanner reads: engine, formats, guards, camera resolution, feedback. */
export function ScanSettingsForm() {
  const { scan, engine, hand } = useSettingsStore(
    useShallow(({ scan, engine, hand }) => ({ scan, engine, hand })),
  );
  const { scanChanged, engineChosen, handChosen, scanReset } = useSettingsStore.getState();
  const id = useId();
  const change = (c: Partial<ScanSettings>) => scanChanged(c);
  const toggleFormat = (format: Symbology, on: boolean) => {
    const formats = on ? [...scan.formats, format] : scan.formats.filter((f) => f !== format);
    // At least one format: a scanner that reads nothing looks broken, not configured.
    if (formats.length) change({ formats: SYMBOLOGIES.filter((f) => formats.includes(f)) });
  };

  return (
    <section className="card stack" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Scanning</h2>
      <label htmlFor={`${id}-engine`}>Decoder</label>
      <select
        id={`${id}-engine`}
        value={engine}
        onChange={(e) => engineChosen(e.target.value as EngineSetting)}
      >
        {ENGINES.map((e) => (
          <option key={e.value} value={e.value}>
            {e.label}
          </option>
        ))}
      </select>

      <fieldset>
        <legend>Barcode types</legend>
        <div className="check-grid">
          {SYMBOLOGIES.map((format) => (
            <label key={format} className="check">
              <input
                type="checkbox"
                checked={scan.formats.includes(format)}
                disabled={scan.formats.length === 1 && scan.formats.includes(format)}
                onChange={(e) => toggleFormat(format, e.target.checked)}
              />
              {FORMAT_LABEL[format]}
            </label>
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend>After a scan</legend>
        <Choice
          name={`${id}-mode`}
          value={scan.mode}
          options={[
            ['continuous', 'Keep scanning'],
            ['single', 'Stop after each scan'],
            ['batch', 'Every code in view at once (shelves, cartons)'],
          ]}
          onChange={(mode) => change({ mode })}
        />
      </fieldset>

      <NumberField
        label="Same product counts once within (seconds)"
        value={scan.cooldownMs / 1000}
        min={0}
        max={60}
        step={0.5}
        onChange={(s) => change({ cooldownMs: Math.round(s * 1000) })}
      />
      <NumberField
        label="Frames that must agree on a 1D barcode"
        value={scan.agreementFrames}
        min={1}
        max={5}
        step={1}
        onChange={(n) => change({ agreementFrames: n })}
      />

      <fieldset>
        <legend>Camera resolution</legend>
        <Choice
          name={`${id}-resolution`}
          value={scan.resolution}
          options={[
            ['hd', 'HD (1280×720), faster'],
            ['full-hd', 'Full HD (1920×1080), reads smaller codes'],
          ]}
          onChange={(resolution) => change({ resolution })}
        />
      </fieldset>

      <Toggle
        label="Read only inside the viewfinder box"
        checked={scan.roi}
        onChange={(roi) => change({ roi })}
      />
      <Toggle label="Sound" checked={scan.sound} onChange={(sound) => change({ sound })} />
      <Toggle
        label="Vibration"
        checked={scan.vibration}
        onChange={(vibration) => change({ vibration })}
      />

      <fieldset>
        <legend>Controls on the side of</legend>
        <Choice
          name={`${id}-hand`}
          value={hand}
          options={[
            ['right', 'Right hand'],
            ['left', 'Left hand'],
          ]}
          onChange={handChosen}
        />
      </fieldset>

      <button type="button" className="button button-ghost" onClick={scanReset}>
        Restore scanning defaults
      </button>
    </section>
  );
}

function Choice<T extends string>(props: {
  name: string;
  value: T;
  options: [T, string][];
  onChange: (value: T) => void;
}) {
  return (
    <div className="choice">
      {props.options.map(([value, label]) => (
        <label key={value} className="check">
          <input
            type="radio"
            name={props.name}
            checked={props.value === value}
            onChange={() => props.onChange(value)}
          />
          {label}
        </label>
      ))}
    </div>
  );
}

function Toggle(props: { label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.label}
    </label>
  );
}

/**
 * A bounded number. The field keeps what is typed (a cleared field, "1.") while only valid values
 * are stored; out of bounds it says so, and on leaving the field it shows the stored value again.
 */
function NumberField(props: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const n = draft === null ? props.value : Number(draft);
  const bad = draft !== null && (draft.trim() === '' || !(n >= props.min && n <= props.max));
  return (
    <div className="stack-tight">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={draft ?? String(props.value)}
        min={props.min}
        max={props.max}
        step={props.step}
        aria-invalid={bad}
        onChange={(e) => {
          setDraft(e.target.value);
          const v = Number(e.target.value);
          if (e.target.value.trim() !== '' && v >= props.min && v <= props.max) props.onChange(v);
        }}
        onBlur={() => setDraft(null)}
      />
      {bad && (
        <p className="field-error" role="alert">
          Between {props.min} and {props.max}.
        </p>
      )}
    </div>
  );
}
