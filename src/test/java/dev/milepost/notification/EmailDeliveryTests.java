package dev.milepost.notification;

import static dev.milepost.Teams.check;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.milepost.Api;
import dev.milepost.Background;
import dev.milepost.LockedDownTest;
import dev.milepost.Teams;
import dev.milepost.TestMail;
import dev.milepost.notification.trigger.Digests;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * E-mail through a real SMTP server (GreenMail, in process on 127.0.0.1): the right people get
 * the right subject and text, and a person who chose the digest gets one e-mail for many.
 */
@LockedDownTest
class EmailDeliveryTests {

	private static final GreenMail SMTP = TestMail.server();

	@LocalServerPort
	int port;

	@Autowired
	Teams teams;

	@Autowired
	Background background;

	@Autowired
	Digests digests;

	@Test
	void anAchievedMilestoneIsMailedToItsOwnerTheManagerTheSponsorAndTheStakeholders() throws Exception {
		Teams.Team team = teams.team(Api.at(port));
		String milestone = Projects.milestone(team, "Warehouse system live", team.member(),
				Projects.today().plusDays(30));
		Projects.achieve(team, team.member(), milestone);

		List<String> expected = Projects.usernames(team.member(), team.manager(), team.approver(), team.stakeholder())
			.stream()
			.map(username -> username + "@example.com")
			.toList();
		background.drain();
		List<MimeMessage> mails = about(team.key());
		assertThat(mails).hasSize(4);
		assertThat(mails.stream().map(EmailDeliveryTests::recipient)).containsExactlyInAnyOrderElementsOf(expected);
		for (MimeMessage mail : mails) {
			assertThat(mail.getSubject()).isEqualTo("[Milepost] Milestone 'Warehouse system live' of " + team.key()
					+ " was achieved");
			assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("milepost@milepost.test");
			String body = GreenMailUtil.getBody(mail);
			assertThat(body).contains("Go-live checklist signed")
				.contains("/api/v1/projects/" + team.key() + "/milestones/" + milestone);
		}
		assertThat(recipients(about(team.key()))).doesNotContain(team.outsider().username() + "@example.com");
	}

	@Test
	void aPersonWhoChoseTheDigestGetsOneEmailForSeveralNotifications() throws Exception {
		Teams.Team team = teams.team(Api.at(port));
		check(team.as(team.stakeholder()).send("PUT", "/api/v1/me/notification-preferences",
				Map.of("emailDigest", "DAILY"), Map.of()), 200);
		for (String name : List.of("Network cut over", "Servers decommissioned")) {
			Projects.achieve(team, team.member(),
					Projects.milestone(team, name, team.member(), Projects.today().plusDays(30)));
		}
		String stakeholder = team.stakeholder().username() + "@example.com";
		background.drain();
		// two achievements to the owner, the manager and the sponsor; the stakeholder waits for the digest
		assertThat(about(team.key())).hasSize(6);
		assertThat(recipients(about(team.key()))).doesNotContain(stakeholder);

		digests.run();
		background.drain();

		assertThat(to(stakeholder)).hasSize(1);
		MimeMessage digest = to(stakeholder).get(0);
		assertThat(digest.getSubject()).isEqualTo("[Milepost] Your Milepost digest: 2 notifications");
		assertThat(GreenMailUtil.getBody(digest)).contains("Network cut over").contains("Servers decommissioned");
		digests.run();
		background.drain();
		assertThat(to(stakeholder)).hasSize(1);
	}

	private static List<MimeMessage> about(String projectKey) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> subject(mail).contains(" of " + projectKey + " "))
			.toList();
	}

	private static List<MimeMessage> to(String address) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> recipient(mail).equals(address)).toList();
	}

	private static List<String> recipients(List<MimeMessage> mails) {
		return mails.stream().map(EmailDeliveryTests::recipient).toList();
	}

	private static String recipient(MimeMessage mail) {
		try {
			return ((InternetAddress) mail.getRecipients(Message.RecipientType.TO)[0]).getAddress();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String subject(MimeMessage mail) {
		try {
			return mail.getSubject();
		}
		catch (jakarta.mail.MessagingException e) {
			throw new IllegalStateException(e);
		}
	}

}
