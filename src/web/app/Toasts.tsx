/** The notifications' container (toasts), a chunk of its own: see App. */
import { Notifications } from '@mantine/notifications';

export default function Toasts() {
  return <Notifications position="top-center" />;
}
