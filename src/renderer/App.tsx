export function App() {
  return (
    <main>
      <h1>MLOps Report Editor</h1>
    </main>
  );
}
