import { useEffect, useState } from 'react';
import { datasetLoaders, loadDatasetRow, taskCatalog } from '../../engine/index';
import { datasetRows } from '../files/datasetRows';
import { useAppStore, useAppStoreApi } from '../store/StoreProvider';

const LOADER_OF: Record<string, string> = {
  sorting: 'sorting',
  setIntersection: 'setIntersection',
  keywordCounting: 'keywordCounting',
  docMerge: 'docMerge',
};

/** Picks the run's input from a dataset row (file, loader, sample index) and loads it into the input state. */
export function DatasetPicker() {
  const store = useAppStoreApi();
  const dataset = useAppStore((s) => s.doc.dataset);
  const [rows, setRows] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const files = taskCatalog.flatMap((t) => t.datasets.map((file) => ({ file, loader: LOADER_OF[t.id] ?? t.id, task: t.title })));

  useEffect(() => {
    if (!dataset) return;
    let live = true;
    datasetRows(dataset.file).then(
      (r) => live && (setRows(r.length), setError(null)),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [dataset]);

  const load = async (file: string, loader: string, sample: number) => {
    try {
      const all = await datasetRows(file);
      const row = all[sample];
      if (!row) throw new Error(`${file} has ${all.length} rows; there is no row ${sample}.`);
      const state = loadDatasetRow(loader, row, sample);
      const s = store.getState();
      s.setMeta({ dataset: { file, loader, sample } });
      s.setInput(state);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <div className="dataset-picker" data-testid="dataset-picker">
      <div className="row">
        <select
          className="field-input"
          aria-label="Dataset"
          value={dataset?.file ?? ''}
          onChange={(e) => {
            const f = files.find((x) => x.file === e.target.value);
            if (f) void load(f.file, f.loader, 0);
            else store.getState().setMeta({ dataset: undefined });
          }}
        >
          <option value="">No dataset: edit the input below</option>
          {files.map((f) => (
            <option key={f.file} value={f.file}>
              {f.task}: {f.file.split('/').pop()}
            </option>
          ))}
        </select>
        {dataset ? (
          <label className="dataset-row">
            Row
            <input
              type="number"
              className="field-input narrow"
              aria-label="Dataset row"
              min={0}
              max={rows !== null ? rows - 1 : undefined}
              value={dataset.sample}
              onChange={(e) =>
                Number.isInteger(e.target.valueAsNumber) &&
                void load(dataset.file, dataset.loader in datasetLoaders ? dataset.loader : 'sorting', e.target.valueAsNumber)
              }
              data-testid="dataset-sample"
            />
          </label>
        ) : null}
      </div>
      {dataset && rows !== null ? (
        <div className="field-help">
          Row {dataset.sample} of {rows} (loader {dataset.loader}).
        </div>
      ) : null}
      {error ? <div className="field-error">{error}</div> : null}
    </div>
  );
}
