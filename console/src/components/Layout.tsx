import { Link, Outlet } from 'react-router';

/** The console's frame: header with the product name and navigation, then the page. */
export function Layout() {
  return (
    <>
      <header className="app-header">
        <Link to="/" className="brand">
          Raccord
        </Link>
        <nav aria-label="Navigation principale">
          <Link to="/">Wilayas</Link>
        </nav>
      </header>
      <main className="page">
        <Outlet />
      </main>
    </>
  );
}
