export * from './definition';
export * from './definitions';
export * from './execution';
export { operationRegistry, type OperationEntry } from './registry';
export { aggregateBase } from './aggregate';
export { describeOperation, type DescribeContext } from './describe';
