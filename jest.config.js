// Unit and integration tests. The end-to-end suite (real control plane) has its own
// config, jest.e2e.config.js, and runs through `npm run test:e2e`.
const tsJest = ['ts-jest', { useESM: true }]
const common = {
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': tsJest },
  testEnvironment: 'node'
}
export default {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/__tests__/integration/**/*.test.ts']
    }
  ],
  testTimeout: 120000
}
