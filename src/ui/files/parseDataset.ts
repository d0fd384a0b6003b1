// Its own module so the CSV parser loads with the first dataset, not with the editor.
export { parseDatasetText } from '../../engine/index';
