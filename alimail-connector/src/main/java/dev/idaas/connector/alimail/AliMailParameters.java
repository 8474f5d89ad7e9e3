package dev.idaas.connector.alimail;

import dev.idaas.connector.api.ParameterSpec;
import dev.idaas.connector.api.ParameterType;
import java.util.List;

/**
 * The parameters an administrator fills in when adding Alibaba Mail, with their texts in English
 * and Simplified Chinese. Keys are the contract with hosts: never rename one.
 */
final class AliMailParameters {

  static final String ENDPOINT = "endpoint";
  static final String ACCESS_CODE = "accessCode";
  static final String ACCESS_PASSWORD = "accessPassword";
  static final String ACCESS_TARGET = "accessTarget";
  static final String ROOT_DEPT_ID = "rootDeptId";
  static final String REVOCATION = "revocation";
  static final String INITIAL_PASSWORD = "initialPassword";
  static final String MAILBOX_LOCAL_PART = "mailboxLocalPart";
  static final String NAME_FROM = "nameFrom";
  static final String NICK_NAME_FROM = "nickNameFrom";
  static final String EMPLOYEE_NO_FROM = "employeeNoFrom";
  static final String MOBILE_PHONE_FROM = "mobilePhoneFrom";
  static final String JOB_TITLE_FROM = "jobTitleFrom";
  static final String REQUESTS_PER_SECOND = "requestsPerSecond";
  static final String ACCOUNT_BATCH_SIZE = "accountBatchSize";
  static final String CONNECT_TIMEOUT = "connectTimeout";
  static final String READ_TIMEOUT = "readTimeout";

  static final String DEFAULT_ENDPOINT = "https://alimailws.alibaba-inc.com/alimailws";

  /**
   * Ten calls a second: Alibaba Mail documents no limit for this API, and its newer API allows 40 a
   * second for a whole mail domain, shared by every application of the tenant. A quarter of that
   * leaves room for the other applications and still pushes 1,000 mailboxes in well under a minute.
   */
  static final int DEFAULT_REQUESTS_PER_SECOND = 10;

  /** The most accounts one batch call may carry; Alibaba Mail's reads take at most 100. */
  static final int MAX_BATCH = 100;

  private static final String GROUP_CONNECTION = "connection";
  private static final String GROUP_POLICY = "policy";
  private static final String GROUP_MAPPING = "mapping";
  private static final String GROUP_PERFORMANCE = "performance";

  /** A directory field, or an attribute, that feeds a mailbox field. */
  static final String SOURCE_PATTERN =
      "none|displayName|username|email|mobile|employeeNo|jobTitle|attributes\\.[A-Za-z0-9_.:-]{1,64}";

  private static final String SOURCE_HELP_EN =
      " One of displayName, username, email, mobile, employeeNo, jobTitle, none, or"
          + " attributes.<key> for any other directory attribute.";
  private static final String SOURCE_HELP_ZH =
      " 可选 displayName、username、email、mobile、employeeNo、jobTitle、none，"
          + "或用 attributes.<键名> 取目录中的其他属性。";

  private AliMailParameters() {}

  static List<ParameterSpec> all() {
    return List.of(
        endpoint(),
        accessCode(),
        accessPassword(),
        accessTarget(),
        rootDeptId(),
        revocation(),
        initialPassword(),
        mailboxLocalPart(),
        source(
            NAME_FROM,
            "displayName",
            310,
            "Name from",
            "姓名来源",
            "The directory field that feeds the mailbox owner's name. When it is empty the username"
                + " is used, since Alibaba Mail requires a name.",
            "填入邮箱账号姓名的目录字段。该字段为空时使用用户名，因为阿里邮箱要求必须有姓名。"),
        source(
            NICK_NAME_FROM,
            "none",
            320,
            "Nickname from",
            "昵称来源",
            "The directory field that feeds the mailbox nickname; none leaves it alone.",
            "填入邮箱昵称的目录字段；none 表示不设置。"),
        source(
            EMPLOYEE_NO_FROM,
            "employeeNo",
            330,
            "Employee number from",
            "工号来源",
            "The directory field that feeds the employee number.",
            "填入工号的目录字段。"),
        source(
            MOBILE_PHONE_FROM,
            "mobile",
            340,
            "Mobile phone from",
            "手机号来源",
            "The directory field that feeds the mobile phone number.",
            "填入手机号的目录字段。"),
        source(
            JOB_TITLE_FROM,
            "jobTitle",
            350,
            "Job title from",
            "职位来源",
            "The directory field that feeds the job title.",
            "填入职位的目录字段。"),
        requestsPerSecond(),
        accountBatchSize(),
        duration(
            CONNECT_TIMEOUT,
            "10s",
            430,
            "Connect timeout",
            "连接超时",
            "How long to wait for a connection to Alibaba Mail, such as 10s.",
            "连接阿里邮箱的最长等待时间，例如 10s。"),
        duration(
            READ_TIMEOUT,
            "30s",
            440,
            "Read timeout",
            "读取超时",
            "How long to wait for Alibaba Mail to answer one call, such as 30s. A create that"
                + " times out is looked up before anything is tried again.",
            "等待阿里邮箱应答一次调用的最长时间，例如 30s。创建请求超时后会先查询确认，" + "再决定是否重试。"));
  }

  private static ParameterSpec endpoint() {
    return ParameterSpec.builder(ENDPOINT, ParameterType.URL)
        .defaultValue(DEFAULT_ENDPOINT)
        .label("WebService endpoint", "WebService 接入地址")
        .description(
            "The address of the Alibaba Mail WebService, ending in /alimailws. Keep the default"
                + " unless Alibaba Mail support gave you another one. Plain http:// is accepted"
                + " only for a simulator on this machine.",
            "阿里邮箱 WebService 的地址，以 /alimailws 结尾。除非阿里邮箱客服提供了其他地址，"
                + "请保留默认值。http:// 明文地址仅允许用于本机模拟器。")
        .placeholder(DEFAULT_ENDPOINT, DEFAULT_ENDPOINT)
        .group(GROUP_CONNECTION)
        .order(10)
        .build();
  }

  private static ParameterSpec accessCode() {
    return ParameterSpec.builder(ACCESS_CODE, ParameterType.TEXT)
        .required()
        .maxLength(128)
        .label("Access code", "访问编码 (accessCode)")
        .description(
            "The access code Alibaba Mail support issued for this domain's WebService API.",
            "阿里邮箱客服为本域名开通 WebService 接口时提供的访问编码。")
        .group(GROUP_CONNECTION)
        .order(20)
        .build();
  }

  private static ParameterSpec accessPassword() {
    return ParameterSpec.builder(ACCESS_PASSWORD, ParameterType.SECRET)
        .required()
        .maxLength(256)
        .label("Access password", "访问密码 (accessPassword)")
        .description(
            "The access password issued together with the access code. It is never shown or"
                + " logged.",
            "与访问编码一起提供的访问密码。该值不会被显示或写入日志。")
        .group(GROUP_CONNECTION)
        .order(30)
        .build();
  }

  private static ParameterSpec accessTarget() {
    return ParameterSpec.builder(ACCESS_TARGET, ParameterType.MAIL_DOMAIN)
        .required()
        .label("Mail domain", "邮箱域名 (accessTarget)")
        .description(
            "The mail domain the mailboxes belong to, such as example.com. Every mailbox is made"
                + " as <local part>@<this domain>, in lower case.",
            "邮箱账号所属的邮件域名，例如 example.com。所有邮箱地址均为 <本地部分>@<该域名>，" + "并使用小写。")
        .placeholder("example.com", "example.com")
        .group(GROUP_CONNECTION)
        .order(40)
        .build();
  }

  private static ParameterSpec rootDeptId() {
    return ParameterSpec.builder(ROOT_DEPT_ID, ParameterType.TEXT)
        .maxLength(256)
        .label("Root department id", "根部门 ID (rootDeptId)")
        .description(
            "The Alibaba Mail department under which the directory's top org units are made, and"
                + " where accounts without an org unit go. Leave empty to use the domain's own"
                + " root department.",
            "目录顶层组织创建在其下的阿里邮箱部门，没有组织的账号也放在这里。留空则使用该域名的根部门。")
        .group(GROUP_CONNECTION)
        .order(50)
        .build();
  }

  private static ParameterSpec revocation() {
    return ParameterSpec.builder(REVOCATION, ParameterType.ENUM)
        .allowedValues("freeze", "delete")
        .defaultValue("freeze")
        .label("When an account is revoked", "账号收回时")
        .description(
            "What happens to a mailbox whose account was deleted in the directory or left the"
                + " scope: freeze keeps the mailbox and its mail but blocks sign-in; delete removes"
                + " it. The postmaster mailbox is never touched.",
            "目录中删除或移出授权范围的账号对应的邮箱如何处理：freeze 冻结邮箱，保留邮件但禁止登录；" + "delete 删除邮箱。postmaster 邮箱永远不会被处理。")
        .group(GROUP_POLICY)
        .order(210)
        .build();
  }

  private static ParameterSpec initialPassword() {
    return ParameterSpec.builder(INITIAL_PASSWORD, ParameterType.ENUM)
        .allowedValues("random", "fromAttribute")
        .defaultValue("random")
        .label("Initial password", "初始密码")
        .description(
            "How a new mailbox's password is made: random gives each mailbox its own strong random"
                + " password that nobody sees (people sign in through single sign-on, or an"
                + " administrator resets it); fromAttribute takes the account's initialPassword"
                + " attribute and falls back to random when it is empty. Passwords are never"
                + " logged.",
            "新邮箱的密码如何生成：random 为每个邮箱生成一个无人知晓的高强度随机密码（用户通过单点登录"
                + "登录，或由管理员重置）；fromAttribute 使用账号的 initialPassword 属性，为空时改用随机"
                + "密码。密码不会写入日志。")
        .group(GROUP_POLICY)
        .order(220)
        .build();
  }

  private static ParameterSpec mailboxLocalPart() {
    return ParameterSpec.builder(MAILBOX_LOCAL_PART, ParameterType.ENUM)
        .allowedValues("emailLocalPart", "username")
        .defaultValue("emailLocalPart")
        .label("Mailbox name from", "邮箱前缀来源")
        .description(
            "What goes before the @ of the mailbox address: the part before the @ of the"
                + " directory e-mail (emailLocalPart), or the username. The domain is always the"
                + " mail domain above.",
            "邮箱地址 @ 之前的部分取自：目录邮箱地址 @ 之前的部分（emailLocalPart），或用户名" + "（username）。域名始终为上面填写的邮箱域名。")
        .group(GROUP_MAPPING)
        .order(300)
        .build();
  }

  private static ParameterSpec source(
      String key,
      String defaultSource,
      int order,
      String labelEn,
      String labelZh,
      String descriptionEn,
      String descriptionZh) {
    return ParameterSpec.builder(key, ParameterType.TEXT)
        .defaultValue(defaultSource)
        .pattern(SOURCE_PATTERN)
        .label(labelEn, labelZh)
        .description(descriptionEn + SOURCE_HELP_EN, descriptionZh + SOURCE_HELP_ZH)
        .placeholder(defaultSource, defaultSource)
        .group(GROUP_MAPPING)
        .order(order)
        .build();
  }

  private static ParameterSpec requestsPerSecond() {
    return ParameterSpec.builder(REQUESTS_PER_SECOND, ParameterType.INTEGER)
        .defaultValue(Integer.toString(DEFAULT_REQUESTS_PER_SECOND))
        .range(1L, 40L)
        .label("Requests per second", "每秒请求数")
        .description(
            "The most calls this connector makes to Alibaba Mail each second, sign-in included."
                + " This API publishes no limit; Alibaba Mail's newer API allows 40 a second for a"
                + " whole domain, shared by every application, so the default of 10 stays well"
                + " inside it and leaves room for the others.",
            "本连接器每秒调用阿里邮箱的最大次数（含登录）。该接口未公布限额；阿里邮箱新版接口对整个域名"
                + "允许每秒 40 次，由所有应用共享，默认值 10 远低于此并为其他应用留出余量。")
        .group(GROUP_PERFORMANCE)
        .order(410)
        .build();
  }

  private static ParameterSpec accountBatchSize() {
    return ParameterSpec.builder(ACCOUNT_BATCH_SIZE, ParameterType.INTEGER)
        .defaultValue("50")
        .range(1L, (long) MAX_BATCH)
        .label("Accounts per batch", "每批账号数")
        .description(
            "How many mailboxes one create, move, freeze or delete call carries, at most 100."
                + " Each mailbox's own result is still reported separately.",
            "每次创建、移动、冻结或删除调用携带的邮箱数，最多 100。每个邮箱的结果仍单独报告。")
        .group(GROUP_PERFORMANCE)
        .order(420)
        .build();
  }

  private static ParameterSpec duration(
      String key,
      String defaultValue,
      int order,
      String labelEn,
      String labelZh,
      String descriptionEn,
      String descriptionZh) {
    return ParameterSpec.builder(key, ParameterType.DURATION)
        .defaultValue(defaultValue)
        .label(labelEn, labelZh)
        .description(descriptionEn, descriptionZh)
        .group(GROUP_PERFORMANCE)
        .order(order)
        .build();
  }
}
