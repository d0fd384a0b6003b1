import { useState } from 'react';
import { BATCH_BUDGET_RULE } from '../../../engine/index';
import { Modal } from '../../dialogs/Modal';
import { useAppStore, useAppStoreApi } from '../../store/StoreProvider';
import { controllerFor } from '../appController';
import { bareModel } from './buildModel';
import { connectionCapNote } from './connectionCap';
import { appKeyVault } from './keyVault';
import { applyModelSettings } from './applyModelSettings';
import { deviceStorage, priceFor, priceKey, savePrice } from './modelPrices';
import { PriceFields, type PriceDraft } from './PriceFields';
import { type ModelSettings, type ProviderKind } from './modelSettings';
import { testConnection, type ConnectionVerdict } from './testConnection';

/** Common OpenAI-compatible endpoints; the last is this app's own server, simulating a model over HTTP. */
const PRESETS = [
  { label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' },
  { label: 'Ollama', baseUrl: 'http://localhost:11434/v1', model: 'llama3.1' },
  { label: 'LM Studio', baseUrl: 'http://localhost:1234/v1', model: 'local-model' },
  { label: 'Simulator over HTTP', baseUrl: '/api/simulator/v1', model: 'got-simulator' },
];

const num = (v: string): number | undefined => (v.trim() === '' ? undefined : Number(v));


/** Model settings: the offline simulator, any OpenAI-compatible endpoint, or the same-origin proxy; limits, budget, cache; a connection test. */
export function ModelSettingsDialog({ onClose }: { onClose: () => void }) {
  const api = useAppStoreApi();
  const saved = useAppStore((s) => s.modelSettings);
  const [d, setD] = useState<ModelSettings>(saved);
  const [key, setKey] = useState(() => appKeyVault().get());
  const [verdict, setVerdict] = useState<ConnectionVerdict | 'testing' | null>(null);
  // Typed prices by model name, so switching model or provider keeps what was typed for each.
  const [prices, setPrices] = useState<Record<string, PriceDraft>>({});
  const model = priceKey(d);
  // More calls at once than the browser opens connections to a plain-http endpoint: say that the rest wait.
  const capNote = connectionCapNote(d, window.location.href);
  const set = (patch: Partial<ModelSettings>) => {
    setD({ ...d, ...patch });
    setVerdict(null);
  };
  const provider = (p: ProviderKind, label: string, help: string) => (
    <label className={`provider-option${d.provider === p ? ' is-chosen' : ''}`}>
      <input type="radio" name="provider" checked={d.provider === p} onChange={() => set({ provider: p })} data-testid={`provider-${p}`} />
      <span>
        <b>{label}</b>
        <small>{help}</small>
      </span>
    </label>
  );
  const test = async () => {
    setVerdict('testing');
    setVerdict(await testConnection(await bareModel(d, key)));
  };
  const save = () => {
    for (const [name, draft] of Object.entries(prices)) {
      const input = num(draft.input);
      const output = num(draft.output);
      if (input !== undefined && output !== undefined && input >= 0 && output >= 0) savePrice(deviceStorage(), name, { input, output });
    }
    applyModelSettings(api, d, key);
    // A model just chosen is about to be run: the run machinery, its SDK and its connection load now rather than after the click on Run.
    controllerFor(api).preload();
    onClose();
  };
  return (
    <Modal title="Model settings" onClose={onClose} testId="model-settings" wide>
      <div className="model-settings">
        <fieldset>
          <legend>Model</legend>
          {provider('simulator', 'Offline simulator', 'No key, no network; deterministic for a seed.')}
          {provider('openai', 'OpenAI-compatible endpoint', 'OpenAI, Ollama, vLLM, LM Studio, llama.cpp… with your key.')}
          {provider('proxy', 'This server’s proxy', 'The dev/preview server forwards to OPENAI_BASE_URL with its own key.')}
        </fieldset>
        {d.provider === 'simulator' ? (
          <fieldset>
            <legend>Simulator</legend>
            <label>
              Seed{' '}
              <input
                type="number"
                value={d.simulator.seed}
                onChange={(e) => set({ simulator: { ...d.simulator, seed: Number(e.target.value) } })}
                data-testid="sim-seed"
              />
            </label>
            <label>
              Latency per call (ms){' '}
              <input
                type="number"
                min={0}
                value={d.simulator.latencyMs}
                onChange={(e) => set({ simulator: { ...d.simulator, latencyMs: Number(e.target.value) } })}
                data-testid="sim-latency"
              />
            </label>
          </fieldset>
        ) : null}
        {d.provider === 'openai' ? (
          <fieldset>
            <legend>Endpoint</legend>
            <label>
              Base URL{' '}
              <input
                type="url"
                value={d.openai.baseUrl}
                onChange={(e) => set({ openai: { ...d.openai, baseUrl: e.target.value } })}
                placeholder="https://api.openai.com/v1"
                data-testid="openai-base-url"
              />
            </label>
            <label>
              Model{' '}
              <input
                value={d.openai.model}
                onChange={(e) => set({ openai: { ...d.openai, model: e.target.value } })}
                data-testid="openai-model"
              />
            </label>
            <span className="presets">
              Presets:
              {PRESETS.map((p) => (
                <button
                  key={p.label}
                  type="button"
                  className="btn small"
                  onClick={() => set({ openai: { baseUrl: p.baseUrl, model: p.model } })}
                  title={p.baseUrl}
                >
                  {p.label}
                </button>
              ))}
            </span>
            <label>
              API key{' '}
              <input
                type="password"
                autoComplete="off"
                value={key}
                onChange={(e) => (setKey(e.target.value), setVerdict(null))}
                placeholder="sk-…"
                data-testid="openai-key"
              />
            </label>
            <label className="check">
              <input
                type="checkbox"
                checked={d.rememberKey}
                onChange={(e) => set({ rememberKey: e.target.checked })}
                data-testid="remember-key"
              />{' '}
              Remember the key on this device (stored in this browser’s localStorage; otherwise it is kept in memory and forgotten on
              reload)
            </label>
          </fieldset>
        ) : null}
        {d.provider === 'proxy' ? (
          <fieldset>
            <legend>Proxy</legend>
            <label>
              Model <input value={d.proxy.model} onChange={(e) => set({ proxy: { model: e.target.value } })} data-testid="proxy-model" />
            </label>
            <p className="muted">Requests go to /api/llm on this server; the key never reaches the browser.</p>
          </fieldset>
        ) : null}
        <PriceFields
          model={model}
          price={priceFor(d)}
          draft={prices[model]}
          onChange={(draft) => setPrices({ ...prices, [model]: draft })}
        />
        <fieldset>
          <legend>Limits</legend>
          <label>
            Concurrency{' '}
            <input
              type="number"
              min={1}
              value={d.concurrency}
              onChange={(e) => set({ concurrency: Math.max(1, Number(e.target.value)) })}
              data-testid="concurrency"
            />
          </label>
          {capNote ? (
            <p className="muted" data-testid="connection-cap">
              {capNote}
            </p>
          ) : null}
          <label>
            Requests per minute (0 = no limit){' '}
            <input
              type="number"
              min={0}
              value={d.requestsPerMinute}
              onChange={(e) => set({ requestsPerMinute: Math.max(0, Number(e.target.value)) })}
              data-testid="rpm"
            />
          </label>
          <label title="A streamed answer that sends nothing for this long is cut and shown as stalled on its thought and operation">
            Stall timeout (s){' '}
            <input
              type="number"
              min={1}
              value={d.stallSeconds}
              onChange={(e) => set({ stallSeconds: Math.max(1, Number(e.target.value) || 1) })}
              data-testid="stall-seconds"
            />
          </label>
          <label title={BATCH_BUDGET_RULE}>
            Budget: requests{' '}
            <input
              type="number"
              min={1}
              value={d.budget.requests ?? ''}
              onChange={(e) => set({ budget: { ...d.budget, requests: num(e.target.value) } })}
              data-testid="budget-requests"
            />
          </label>
          <label>
            tokens{' '}
            <input
              type="number"
              min={1}
              value={d.budget.tokens ?? ''}
              onChange={(e) => set({ budget: { ...d.budget, tokens: num(e.target.value) } })}
              data-testid="budget-tokens"
            />
          </label>
          <label>
            dollars{' '}
            <input
              type="number"
              min={0}
              step={0.01}
              value={d.budget.cost ?? ''}
              onChange={(e) => set({ budget: { ...d.budget, cost: num(e.target.value) } })}
              data-testid="budget-cost"
            />
          </label>
          <label className="check">
            <input type="checkbox" checked={d.cache} onChange={(e) => set({ cache: e.target.checked })} data-testid="cache" /> Cache answers
            (IndexedDB; keyed on the whole request and the sample)
          </label>
        </fieldset>
        <div className="connection-test">
          <button type="button" className="btn" onClick={() => void test()} disabled={verdict === 'testing'} data-testid="test-connection">
            Test connection
          </button>
          {verdict === 'testing' ? <span className="muted">Testing…</span> : null}
          {verdict && verdict !== 'testing' ? (
            verdict.ok ? (
              <span className="verdict ok" data-testid="connection-verdict">
                ✓ {verdict.message}
              </span>
            ) : (
              <div className="verdict bad" data-testid="connection-verdict" role="alert">
                <b>✗ {verdict.title}</b>
                <span>{verdict.detail}</span>
                <i>{verdict.hint}</i>
              </div>
            )
          ) : null}
        </div>
        <div className="modal-actions">
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="btn primary" onClick={save} data-testid="model-settings-save">
            Save
          </button>
        </div>
      </div>
    </Modal>
  );
}
