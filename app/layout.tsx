import type { Metadata, Viewport } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "ECS Cost Estimator — Fargate, Fargate Spot or EC2?",
  description:
    "Compare what a container workload costs on AWS Fargate, Fargate Spot and ECS on EC2, from a dated AWS price catalog.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        {children}
      </body>
    </html>
  );
}
