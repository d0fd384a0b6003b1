export * from './render';
export * from './parse';
export { balancedSpans, firstJsonObject, lastNumber, numbersIn, looseList } from './extract';
