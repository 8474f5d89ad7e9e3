package dev.idaas.connector.alimail;

/** The mailbox profile fields the connector keeps in step with the directory. */
enum MailboxField {
  NAME("name", AliMailParameters.NAME_FROM),
  NICK_NAME("nickName", AliMailParameters.NICK_NAME_FROM),
  EMPLOYEE_NO("employeeNo", AliMailParameters.EMPLOYEE_NO_FROM),
  MOBILE_PHONE("mobilePhone", AliMailParameters.MOBILE_PHONE_FROM),
  JOB_TITLE("jobTitle", AliMailParameters.JOB_TITLE_FROM);

  private final String wireName;
  private final String parameter;

  MailboxField(String wireName, String parameter) {
    this.wireName = wireName;
    this.parameter = parameter;
  }

  /** The field's name in Alibaba Mail's requests and answers. */
  String wireName() {
    return wireName;
  }

  /** The parameter that says which directory field feeds it. */
  String parameter() {
    return parameter;
  }
}
