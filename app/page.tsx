export default function Home() {
  return <main><h1>ECS Cost Estimator</h1></main>;
}
