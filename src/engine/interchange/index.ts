export { exportPython, pythonTemplateNodes, type PythonExport, type PythonExportOptions } from './pythonExport';
export { expressionToPython, type PythonExpression } from './pythonExpression';
export { REFERENCE_IMPORT_BANNER } from './banner';
export { isReferenceOutput, parseReferenceOutput, REFERENCE_LIMITS, type ImportedReference, type ReferenceImportResult } from './referenceOutput';
export { PYTHON_RUNTIME } from './pythonRuntime';
