export { simulatorModel, SIMULATOR_ID, type SimulatorOptions } from './simulatorModel';
export { simulateCompletion, SIMULATED_LABEL } from './answer';
