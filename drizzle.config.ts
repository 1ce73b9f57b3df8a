import { defineConfig } from 'drizzle-kit';

// Tables live beside their module in `*.tables.ts`; migrations are reviewed as code in ./migrations.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/**/*.tables.ts',
  out: './migrations',
  casing: 'snake_case',
});
