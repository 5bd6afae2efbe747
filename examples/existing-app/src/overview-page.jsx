import { useChannels } from './unread.js';
import { chatHref } from './use-route.js';

const PROJECTS = [
  { name: 'Analytical Engine', due: 'Friday', done: 7, total: 12 },
  { name: 'Compiler A-0', due: 'next week', done: 3, total: 9 },
  { name: 'Bombe rotor audit', due: 'today', done: 5, total: 5 },
];

/** The app's home page: its own content, plus the team's channels with their unread counts. */
export function OverviewPage({ user, chat }) {
  const channels = useChannels(chat);
  return (
    <div className="overview">
      <h1>Welcome back, {user.name.split(' ')[0]}</h1>
      <section aria-labelledby="projects">
        <h2 id="projects">Your projects</h2>
        <ul className="cards">
          {PROJECTS.map((project) => (
            <li key={project.name} className="card">
              <strong>{project.name}</strong>
              <progress max={project.total} value={project.done} aria-label={`${project.name} progress`} />
              <span>
                {project.done} of {project.total} tasks · due {project.due}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="team-chat">
        <h2 id="team-chat">Team chat</h2>
        <ul className="channels">
          {channels.map((channel) => (
            <li key={channel.id}>
              <a href={chatHref(channel.id)}>
                # {channel.name}
                {channel.unreadCount > 0 && <span className="badge">{channel.unreadCount} unread</span>}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
