/** Every region side by side (pure; the file-backed loader is ./files.ts, for the server and the CLI). */
export * from "./compare";
export * from "./pipeline";
export * from "./table";
