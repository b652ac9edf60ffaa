/** The notifications' container (toasts), a chunk of its own with its CSS: see App. */
import '@mantine/core/styles/Notification.layer.css';
import '@mantine/notifications/styles.layer.css';
import { Notifications } from '@mantine/notifications';

export default function Toasts() {
  return <Notifications position="top-center" />;
}
