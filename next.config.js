// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The catalog region files are read at build time by route handlers; make sure they are traced.
  outputFileTracingIncludes: { "/api/**": ["./data/**/*.json"] },
};
module.exports = nextConfig;
