import { useId, useState } from 'react';
import { checkApiKey } from '#contract';
import { StatusBadge } from '../../components/status-badge';
import { checkConnection, type ConnectionCheck } from './connection-check';
import { useSettingsStore } from './settings-store';
import { useConnect } from './use-connect';
import { useApiClient } from '../../lib/api-context';

const KEY_PROBLEM = {
  format: 'A key looks like cpk_ followed by 32 letters or digits, _ and 8 hex digits.',
  prefix: 'A key starts with csb_, csu_ or cpk_.',
  checksum: 'This key has a typo: its checksum does not match. Paste it again.',
} as const;

/** Where the API is and the key for it; the key is checked offline as it is typed. */
export function ConnectionForm() {
  const connect = useConnect();
  const client = useApiClient();
  // A draft: edits apply only on save, so a half-typed address never breaks a running session.
  const [apiBaseUrl, setApiBaseUrl] = useState(() => useSettingsStore.getState().apiBaseUrl);
  const [apiKey, setApiKey] = useState(() => useSettingsStore.getState().apiKey);
  const [check, setCheck] = useState<ConnectionCheck | 'checking' | null>(null);
  const [savedNote, setSavedNote] = useState(false);
  const urlId = useId();
  const keyId = useId();
  const keyHelpId = useId();
  const keyCheck = apiKey.trim() === '' ? null : checkApiKey(apiKey);
  const urlProblem = apiBaseUrl.trim() !== '' && !URL.canParse(apiBaseUrl.trim());
  const invalid = urlProblem || (keyCheck !== null && !keyCheck.ok);

  return (
    <form
      className="card stack"
      aria-labelledby={`${urlId}-heading`}
      onSubmit={(event) => {
        event.preventDefault();
        if (invalid) return;
        // Saved only once the server has taken the key (or cannot be reached to say).
        setCheck('checking');
        void checkConnection(client, { apiBaseUrl, apiKey }).then(async (result) => {
          setCheck(result);
          if (result.ok || result.problem === 'unreachable')
            setSavedNote(await connect.run({ apiBaseUrl, apiKey }, result));
        });
      }}
    >
      <h2 id={`${urlId}-heading`}>Connection</h2>
      <label htmlFor={urlId}>API address</label>
      <input
        id={urlId}
        type="url"
        inputMode="url"
        placeholder="Empty: this app's own local server"
        value={apiBaseUrl}
        aria-invalid={urlProblem}
        onChange={(e) => {
          setApiBaseUrl(e.target.value);
          setSavedNote(false);
        }}
      />
      {urlProblem && <p className="field-error">That is not a web address (https://…).</p>}
      <label htmlFor={keyId}>API key</label>
      <input
        id={keyId}
        autoComplete="off"
        spellCheck={false}
        value={apiKey}
        aria-invalid={keyCheck !== null && !keyCheck.ok}
        aria-describedby={keyHelpId}
        onChange={(e) => {
          setApiKey(e.target.value);
          setSavedNote(false);
        }}
      />
      <p id={keyHelpId} className={keyCheck && !keyCheck.ok ? 'field-error' : 'muted'}>
        {keyCheck === null
          ? 'No key: the local server prints one when it starts.'
          : keyCheck.ok
            ? 'The key is well formed.'
            : KEY_PROBLEM[keyCheck.reason]}
      </p>
      <div className="row">
        <button type="submit" className="button" disabled={invalid}>
          Save connection
        </button>
        <button
          type="button"
          className="button button-ghost"
          disabled={invalid || check === 'checking'}
          onClick={() => {
            setCheck('checking');
            void checkConnection(client, { apiBaseUrl, apiKey }).then(setCheck);
          }}
        >
          Test connection
        </button>
      </div>
      <p role="status" className="row">
        {savedNote && (
          <StatusBadge tone="accepted">
            {check !== null && check !== 'checking' && !check.ok ? 'Saved, not verified' : 'Saved'}
          </StatusBadge>
        )}
        {check === 'checking' && <StatusBadge tone="neutral">Testing…</StatusBadge>}
        {check !== null && check !== 'checking' && (
          <StatusBadge tone={check.ok ? 'accepted' : 'rejected'}>
            {check.ok ? `Connected · server v${check.version} took the key` : check.message}
          </StatusBadge>
        )}
      </p>
    </form>
  );
}
