/** Sweeps, targets, sensitivity and comparisons of scenarios (see sweep.ts for the method). */
export { parseVary, gridPoints, overrideText, valueText, VaryError, type ParamValue, type Vary } from './grid.ts';
export { sweep, runPoints, findTarget, SweepInputError, type ScenarioText, type SweepOptions, type SweepRow, type SweepTable, type TargetAnswer } from './sweep.ts';
export { sliceSweep, checkSweepTable } from './slice.ts';
export { sensitivity, sensitivityInputs, defaultInputs, withinNoise, type SensitivityInput, type SensitivityRow, type SensitivityTable } from './sensitivity.ts';
export { sweepCsv, sensitivityCsv, compareCsv, SWEEP_COLUMNS, SENSITIVITY_COLUMNS, COMPARE_COLUMNS } from './csv.ts';
export { compareScenarios, mainConstraint, scenarioNames, type CompareOptions, type CompareRow, type CompareTable } from './compare.ts';
