import { NotFoundContent } from '../../components/PageState.js';

export default function NotFoundPage() {
  return <NotFoundContent />;
}
