/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Native addon: load it from node_modules at run time instead of bundling it.
  serverExternalPackages: ["better-sqlite3"],
};

export default nextConfig;
