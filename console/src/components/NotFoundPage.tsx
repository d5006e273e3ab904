import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <section>
      <h1>Page introuvable</h1>
      <p>
        Cette adresse ne correspond à aucune page. <Link to="/wilayas">Retour aux wilayas</Link>
      </p>
    </section>
  );
}
